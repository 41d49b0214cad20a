"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";

type ModalDialogProps = {
  open: boolean;
  title: string;
  description?: ReactNode;
  onClose: () => void;
  /** "alertdialog" for confirmations of something destructive. */
  role?: "dialog" | "alertdialog";
  children: ReactNode;
};

/** A modal <dialog>: focus stays inside, Escape closes, the page behind is inert. */
export function ModalDialog({ open, title, description, onClose, role = "dialog", children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      role={role}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      className="m-auto w-[min(28rem,92vw)] rounded-xl border bg-background p-5 text-foreground shadow-xl backdrop:bg-black/40"
    >
      {open && (
        <>
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="mt-2 text-sm text-muted-foreground">
              {description}
            </div>
          ) : null}
          <div className="mt-4">{children}</div>
        </>
      )}
    </dialog>
  );
}
