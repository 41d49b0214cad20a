"use client";

import { type ButtonHTMLAttributes, type FocusEvent, type KeyboardEvent, type MouseEvent, useCallback, useRef, useState } from "react";

/** How the menu was first opened: a keyboard open starts on the first item, as Radix does for its own trigger. */
export type OpenedBy = "pointer" | "keyboard";

/**
 * A dropdown menu whose code (Radix's menu, its items and what they call) is not part of the page's first load: until
 * the menu is first opened, its trigger is a plain button that looks and is named the same. Opening it (click, Enter,
 * Space, ArrowDown) loads the menu, which then replaces the button and opens at once; from then on it is the Radix
 * menu as before. Pointing at or focusing the button starts the download, so the first open rarely waits.
 */
export function useLazyMenu<T>(load: () => Promise<T>) {
  const [loaded, setLoaded] = useState<{ module: T; openedBy: OpenedBy } | null>(null);
  const open = useCallback(
    (openedBy: OpenedBy) => {
      void load().then((module) => setLoaded({ module, openedBy }));
    },
    [load],
  );
  const preload = useCallback(() => {
    // Only a head start: a failed download is tried again (and reported) when the menu is opened.
    load().catch(() => {});
  }, [load]);
  const triggerProps: ButtonHTMLAttributes<HTMLButtonElement> & { "data-state": "closed" } = {
    type: "button",
    "aria-haspopup": "menu",
    "aria-expanded": false,
    "data-state": "closed",
    // A click from the keyboard (Enter, Space) has no pointer position: detail is 0.
    onClick: (event: MouseEvent<HTMLButtonElement>) => open(event.detail === 0 ? "keyboard" : "pointer"),
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.key !== "ArrowDown") return;
      event.preventDefault();
      open("keyboard");
    },
    onPointerEnter: preload,
    onFocus: preload,
  };
  return { loaded, triggerProps };
}

/**
 * For the loaded menu's content (its `onFocus`): opened from the keyboard the first time, focus moves on from the menu
 * to its first item, as Radix does for its own trigger (it did not see that keypress: the menu mounted already open).
 * Later opens are Radix's own.
 */
export function useFirstOpenFocus(openedBy: OpenedBy) {
  const first = useRef<OpenedBy | null>(openedBy);
  return useCallback((event: FocusEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    const by = first.current;
    first.current = null;
    if (by === "keyboard") event.currentTarget.querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])')?.focus({ preventScroll: true });
  }, []);
}
