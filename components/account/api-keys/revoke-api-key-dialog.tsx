"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
  const revoke = async (key: ApiKeyView) => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(key);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      open={apiKey !== null}
      title={`Revoke “${apiKey?.name ?? ""}”?`}
      description="Tools using this key stop working at their next request. This cannot be undone."
      confirmLabel="Revoke key"
      busy={busy}
      error={error}
      onConfirm={() => apiKey && void revoke(apiKey)}
      onCancel={() => {
        setError(null);
        onCancel();
      }}
    />
  );
}
