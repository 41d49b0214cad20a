"use client";

import { useEffect, useRef } from "react";

export type Shortcut = {
  /** KeyboardEvent.key, compared case-insensitively ("k", "Escape", "?", "/"). */
  key: string;
  /** Ctrl, or ⌘ on a Mac. */
  mod?: boolean;
  /** Undefined: either way (a "?" needs Shift on some layouts and not on others). */
  shift?: boolean;
  /** Also while typing in a text field: only for chords that type nothing (Ctrl+…, Shift+Esc). */
  inTextFields?: boolean;
  /** Also while focus is in a dialog or a menu, which have their own keys (Escape closes them). */
  inDialogs?: boolean;
  run: () => void;
};

const TEXT_INPUT_TYPES = new Set(["text", "search", "email", "password", "url", "tel", "number", "date", "datetime-local", "month", "time", "week"]);

export function isTextField(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return element instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(element.type);
}

function isInDialog(element: Element | null): boolean {
  return Boolean(element?.closest("dialog, [role=dialog], [role=alertdialog], [role=menu], [role=listbox]"));
}

function matches(shortcut: Shortcut, event: KeyboardEvent): boolean {
  if (event.key.toLowerCase() !== shortcut.key.toLowerCase() || event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) !== Boolean(shortcut.mod)) return false;
  return shortcut.shift === undefined || event.shiftKey === shortcut.shift;
}

/** Page-wide keyboard shortcuts; the first that matches runs, and the key does nothing else. */
export function useShortcuts(shortcuts: readonly Shortcut[]) {
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Handled already (a menu closing on Escape), or a key confirming a word in an input method.
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : document.activeElement;
      const typing = isTextField(target);
      const inDialog = isInDialog(target);
      const shortcut = current.current.find(
        (candidate) => matches(candidate, event) && (candidate.inTextFields || !typing) && (candidate.inDialogs || !inDialog),
      );
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
