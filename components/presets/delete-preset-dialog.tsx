"use client";

import { useEffect, useId, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { PresetView } from "@/lib/chat/preset-view";

type DeletePresetDialogProps = {
  preset: PresetView | null;
  deleting: boolean;
  error: string | null;
  onConfirm: (preset: PresetView) => void;
  onCancel: () => void;
};

/** Asks before a preset is deleted. A modal <dialog>: Escape cancels. Chats started from it are not affected. */
export function DeletePresetDialog({ preset, deleting, error, onConfirm, onCancel }: DeletePresetDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (preset && !element.open) element.showModal();
    if (!preset && element.open) element.close();
  }, [preset]);

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={onCancel}
      className="m-auto w-[min(26rem,90vw)] rounded-xl border bg-popover p-5 text-popover-foreground shadow-xl backdrop:bg-black/50"
    >
      {preset && (
        <>
          <h2 id={titleId} className="text-base font-semibold">
            Delete preset?
          </h2>
          <p id={descriptionId} className="mt-2 text-sm text-muted-foreground">
            “{preset.name}” will be deleted. Conversations started from it stay as they are.
          </p>
          {error && <Alert className="mt-3">{error}</Alert>}
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="secondary" autoFocus onClick={onCancel}>
              Cancel
            </Button>
            <Button className="bg-destructive text-white hover:bg-destructive/90" disabled={deleting} onClick={() => onConfirm(preset)}>
              {deleting && <Spinner />}
              Delete
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}
