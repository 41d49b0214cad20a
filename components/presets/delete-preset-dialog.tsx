"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { PresetView } from "@/lib/chat/preset-view";

type DeletePresetDialogProps = {
  preset: PresetView | null;
  deleting: boolean;
  error: string | null;
  onConfirm: (preset: PresetView) => void;
  onCancel: () => void;
};

/** Asks before a preset is deleted. Chats started from it are not affected. */
export function DeletePresetDialog({ preset, deleting, error, onConfirm, onCancel }: DeletePresetDialogProps) {
  return (
    <ConfirmDialog
      open={preset !== null}
      title="Delete preset?"
      description={<>“{preset?.name}” will be deleted. Conversations started from it stay as they are.</>}
      confirmLabel="Delete"
      busy={deleting}
      error={error}
      onConfirm={() => preset && onConfirm(preset)}
      onCancel={onCancel}
    />
  );
}
