"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { AdminModel } from "@/lib/models/admin-models";

type DeleteModelDialogProps = {
  model: AdminModel | null;
  deleting: boolean;
  onConfirm: (model: AdminModel) => void;
  onCancel: () => void;
};

/** Asks before a model is deleted. */
export function DeleteModelDialog({ model, deleting, onConfirm, onCancel }: DeleteModelDialogProps) {
  return (
    <ConfirmDialog
      open={model !== null}
      title={`Delete ${model?.name ?? ""}?`}
      description="Only a model nobody has chatted with yet can be deleted. Once it has conversations or usage, disable it instead, so reports keep naming it."
      confirmLabel="Delete"
      busy={deleting}
      onConfirm={() => model && onConfirm(model)}
      onCancel={onCancel}
    />
  );
}
