"use client";

import { X } from "lucide-react";
import { type KeyboardEvent, useEffect, useId, useRef } from "react";
import { SHORTCUTS } from "./shortcut-list";

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** A modal <dialog> makes the page inert, but Tab past its last control still leaves for the browser's own UI. */
function keepTabInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  const leaving = event.shiftKey ? document.activeElement === first : document.activeElement === last;
  if (!leaving) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

type ShortcutsDialogProps = { open: boolean; onClose: () => void };

/**
 * The list of shortcuts in a native modal <dialog>: showModal() makes the page behind it inert (focus stays inside)
 * and Escape closes it. Focus goes back where it was.
 */
export function ShortcutsDialog({ open, onClose }: ShortcutsDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const onDialogClose = () => {
    onClose();
    returnFocus.current?.focus();
    returnFocus.current = null;
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onDialogClose}
      onKeyDown={keepTabInside}
      // A click on the backdrop lands on the <dialog> itself.
      onClick={(event) => event.target === event.currentTarget && dialog.current?.close()}
      className="fixed inset-0 m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border bg-popover p-0 text-popover-foreground shadow-lg backdrop:bg-black/50"
    >
      <div className="p-5">
        <div className="mb-4 flex items-center justify-between gap-4">
          <h2 id={titleId} className="text-base font-semibold">
            Keyboard shortcuts
          </h2>
          <button
            type="button"
            aria-label="Close"
            onClick={() => dialog.current?.close()}
            className="inline-flex size-8 cursor-pointer items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        </div>
        <dl className="divide-y text-sm">
          {SHORTCUTS.map(({ keys, description }) => (
            <div key={keys.join("+")} className="flex items-center justify-between gap-4 py-2">
              <dt>{description}</dt>
              <dd className="flex gap-1">
                {keys.map((key) => (
                  <kbd key={key} className="min-w-6 rounded border bg-muted px-1.5 py-0.5 text-center font-mono text-xs">
                    {key}
                  </kbd>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </dialog>
  );
}
