"use client";

import { X } from "lucide-react";
import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useRef } from "react";
import { cn } from "@/lib/utils";

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** showModal() makes the page inert, but Tab past the dialog's last control still leaves for the browser's own UI. */
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

type ModalDialogBehaviour = {
  ref: RefObject<HTMLDialogElement | null>;
  onClose: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLDialogElement>) => void;
};

/**
 * What makes a native <dialog> a modal, for spreading onto one: `open` shows it with showModal() (the page behind is
 * inert, Escape closes it), Tab stays inside, the element marked `data-autofocus` gets focus (React's autoFocus runs
 * before showModal() and is lost), and on closing, by any means, `onClose` runs and focus goes back where it was.
 */
export function useModalDialog(open: boolean, onClose: () => void): ModalDialogBehaviour {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      element.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const onDialogClose = () => {
    onClose();
    returnFocus.current?.focus();
    returnFocus.current = null;
  };

  return { ref, onClose: onDialogClose, onKeyDown: keepTabInside };
}

type DialogProps = {
  open: boolean;
  /** Runs however it closes: Escape, the Close button, a backdrop click, or `open` turning false. */
  onClose: () => void;
  /** The dialog's accessible name. */
  title: string;
  description?: ReactNode;
  /** "alertdialog" for confirmations of something destructive (see ConfirmDialog). */
  role?: "dialog" | "alertdialog";
  /** The × button in the corner; by default on plain dialogs, off on alert dialogs (their Cancel closes them). */
  closeButton?: boolean;
  /** A click on the backdrop closes it: only for dialogs that show something, never for forms (typing would be lost). */
  closeOnBackdrop?: boolean;
  /** Width and other overrides. */
  className?: string;
  children: ReactNode;
};

/** The app's one modal dialog: labelled by its title, described by its description, content rendered only while open. */
export function Dialog({
  open,
  onClose,
  title,
  description,
  role = "dialog",
  closeButton = role === "dialog",
  closeOnBackdrop = false,
  className,
  children,
}: DialogProps) {
  const modal = useModalDialog(open, onClose);
  const titleId = useId();
  const descriptionId = useId();

  return (
    <dialog
      ref={modal.ref}
      role={role === "alertdialog" ? role : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={modal.onClose}
      onKeyDown={modal.onKeyDown}
      // A click on the backdrop lands on the <dialog> itself; clicks inside land on its content.
      onClick={closeOnBackdrop ? (event) => event.target === event.currentTarget && modal.ref.current?.close() : undefined}
      className={cn(
        "fixed inset-0 m-auto max-h-[calc(100dvh-2rem)] w-[min(28rem,calc(100vw-2rem))] overflow-y-auto rounded-xl border bg-popover p-0 text-left text-popover-foreground shadow-lg backdrop:bg-black/50",
        className,
      )}
    >
      {open && (
        <div className="p-5">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-base font-semibold">
                {title}
              </h2>
              {description ? (
                <div id={descriptionId} className="mt-1.5 text-sm text-muted-foreground">
                  {description}
                </div>
              ) : null}
            </div>
            {closeButton && (
              <button
                type="button"
                aria-label="Close"
                onClick={() => modal.ref.current?.close()}
                className="-mt-1 -mr-1 inline-flex size-8 shrink-0 cursor-pointer items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              >
                <X aria-hidden="true" className="size-4" />
              </button>
            )}
          </div>
          <div className="mt-4">{children}</div>
        </div>
      )}
    </dialog>
  );
}
