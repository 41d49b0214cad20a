"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { AdminModel } from "@/lib/models/admin-models";
import { DeleteModelDialog } from "./delete-model-dialog";
import { deleteModelRequest, moveModelRequest, updateModelRequest } from "./model-admin-api";
import { ModelRow, type RowAction } from "./model-row";

/** The models in the order users see them, with the quick actions; every change reloads the list from the server. */
export function ModelsList({ models }: { models: AdminModel[] }) {
  const router = useRouter();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<AdminModel | null>(null);
  const movable = models.filter((model) => !model.managedByFile).map((model) => model.id);

  async function perform(model: AdminModel, request: () => Promise<unknown>) {
    setBusyId(model.id);
    setError(null);
    try {
      await request();
      router.refresh();
    } catch (failure) {
      setError(`${model.name}: ${(failure as Error).message}`);
    } finally {
      setBusyId(null);
    }
  }

  function onAction(model: AdminModel, action: RowAction) {
    if (action.type === "delete") return setDeleting(model);
    if (action.type === "move") return void perform(model, () => moveModelRequest(model.id, action.direction));
    if (action.type === "enable") return void perform(model, () => updateModelRequest(model.id, { enabled: action.enabled }));
    return void perform(model, () => updateModelRequest(model.id, { isDefault: true }));
  }

  return (
    <>
      {movable.length < models.length ? (
        <p className="mb-4 text-sm text-muted-foreground">
          Models marked “Managed by file” come from MODELS_FILE and are read-only here; they come first, in the file’s order.
        </p>
      ) : null}
      {error ? <Alert className="mb-4">{error}</Alert> : null}
      <ul aria-label="Models" className="divide-y overflow-hidden rounded-xl border bg-card shadow-sm">
        {models.map((model) => {
          const position = movable.indexOf(model.id);
          return (
            <ModelRow
              key={model.id}
              model={model}
              canMoveUp={position > 0}
              canMoveDown={position >= 0 && position < movable.length - 1}
              busy={busyId === model.id}
              onAction={onAction}
            />
          );
        })}
      </ul>
      <DeleteModelDialog
        model={deleting}
        deleting={busyId !== null}
        onCancel={() => setDeleting(null)}
        onConfirm={(model) => {
          setDeleting(null);
          void perform(model, () => deleteModelRequest(model.id));
        }}
      />
    </>
  );
}
