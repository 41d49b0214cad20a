"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { AdminModel } from "@/lib/db/admin-models";

type DeleteModelDialogProps = {
  model: AdminModel | null;
  deleting: boolean;
  onConfirm: (model: AdminModel) => void;
  onCancel: () => void;
};

/** Asks before a model is deleted. A modal <dialog>: Escape cancels. */
export function DeleteModelDialog({ model, deleting, onConfirm, onCancel }: DeleteModelDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (model && !element.open) element.showModal();
    if (!model && element.open) element.close();
  }, [model]);

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={onCancel}
      className="m-auto w-[min(28rem,90vw)] rounded-xl border bg-background p-5 text-foreground shadow-xl backdrop:bg-black/40"
    >
      {model && (
        <>
          <h2 id={titleId} className="text-base font-semibold">
            Delete {model.name}?
          </h2>
          <p id={descriptionId} className="mt-2 text-sm text-muted-foreground">
            Only a model nobody has chatted with yet can be deleted. Once it has conversations or usage, disable it instead, so reports keep naming it.
          </p>
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="secondary" autoFocus onClick={onCancel}>
              Cancel
            </Button>
            <Button className="bg-destructive text-white hover:bg-destructive/90" disabled={deleting} onClick={() => onConfirm(model)}>
              Delete
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}
