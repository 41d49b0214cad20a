"use client";

import { useState } from "react";
import type { ApiKeyView } from "@/lib/api-keys/view";
import { ApiKeyList } from "./api-key-list";
import { revokeApiKey } from "./api-keys-api";
import { CreateApiKeyForm } from "./create-api-key-form";
import { NewApiKeyNotice } from "./new-api-key-notice";
import { RevokeApiKeyDialog } from "./revoke-api-key-dialog";

/** The account page's API keys: where to point tools, create (the key shown once), list, revoke. */
export function ApiKeysSection({ initialKeys, allowed, baseUrl }: { initialKeys: ApiKeyView[]; allowed: boolean; baseUrl: string }) {
  const [keys, setKeys] = useState(initialKeys);
  const [created, setCreated] = useState<{ name: string; value: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);

  return (
    <div className="grid gap-5">
      <p className="text-sm">
        Base URL for OpenAI-compatible tools: <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{baseUrl}</code>
      </p>
      {allowed ? (
        created ? (
          <NewApiKeyNotice name={created.name} value={created.value} onDone={() => setCreated(null)} />
        ) : (
          <CreateApiKeyForm
            onCreated={({ key, apiKey }) => {
              setKeys((current) => [apiKey, ...current]);
              setCreated({ name: apiKey.name, value: key });
            }}
          />
        )
      ) : (
        <p className="text-sm text-muted-foreground">API keys are not available to your account. An administrator can allow them.</p>
      )}
      <ApiKeyList keys={keys} onRevoke={setRevoking} />
      <RevokeApiKeyDialog
        apiKey={revoking}
        onCancel={() => setRevoking(null)}
        onConfirm={async (key) => {
          await revokeApiKey(key.id);
          const now = new Date().toISOString();
          setKeys((current) => current.map((item) => (item.id === key.id ? { ...item, state: "revoked", revokedAt: now } : item)));
          setRevoking(null);
        }}
      />
    </div>
  );
}
