"use client";

import { useState } from "react";
import { ModalDialog } from "@/components/admin/modal-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ApiKeyView } from "@/lib/api-keys/view";

/** Asks before revoking: a revoked key stops working at its next request and cannot be restored. */
export function RevokeApiKeyDialog({
  apiKey,
  onCancel,
  onConfirm,
}: {
  apiKey: ApiKeyView | null;
  onCancel: () => void;
  onConfirm: (key: ApiKeyView) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <ModalDialog
      open={apiKey !== null}
      role="alertdialog"
      title={`Revoke “${apiKey?.name ?? ""}”?`}
      description="Tools using this key stop working at their next request. This cannot be undone."
      onClose={() => {
        setError(null);
        onCancel();
      }}
    >
      {error && <Alert>{error}</Alert>}
      <div className="mt-3 flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button
          className="bg-destructive text-white hover:bg-destructive/90"
          disabled={busy}
          onClick={async () => {
            if (!apiKey) return;
            setBusy(true);
            setError(null);
            try {
              await onConfirm(apiKey);
            } catch (failure) {
              setError((failure as Error).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          {busy && <Spinner />}
          Revoke key
        </Button>
      </div>
    </ModalDialog>
  );
}
