"use client";

import { type FormEvent, useState } from "react";
import { ApiKeyList } from "@/components/account/api-keys/api-key-list";
import { RevokeApiKeyDialog } from "@/components/account/api-keys/revoke-api-key-dialog";
import { callAdminApi } from "@/components/admin/admin-api";
import { SaveBar, useSaveStatus } from "@/components/admin/save-bar";
import type { AdminApiKeyView } from "@/lib/api-keys/view";
import type { ApiKeyPolicy } from "@/lib/db/api-key-settings";
import type { AccessGroup } from "@/lib/db/model-access";

const checkbox = "size-4 rounded border-input accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

export function ApiKeysAdmin({ initialPolicy, groups, initialKeys }: { initialPolicy: ApiKeyPolicy; groups: AccessGroup[]; initialKeys: AdminApiKeyView[] }) {
  const [enabled, setEnabled] = useState(initialPolicy.enabled);
  const [groupIds, setGroupIds] = useState(new Set(initialPolicy.groupIds));
  const { status, save, changed } = useSaveStatus();
  const [keys, setKeys] = useState(initialKeys);
  const [revoking, setRevoking] = useState<AdminApiKeyView | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await save(() => callAdminApi<ApiKeyPolicy>("/api/admin/settings/api-keys", "PUT", { enabled, groupIds: [...groupIds] }));
  }

  return (
    <div className="mt-4 grid gap-6">
      <form onSubmit={onSubmit} className="grid max-w-xl gap-3" aria-label="API key policy">
        <label className="flex items-center gap-2.5 text-sm font-medium">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(event) => {
              setEnabled(event.target.checked);
              changed();
            }}
            className={checkbox}
          />
          Allow personal API keys
        </label>
        <fieldset disabled={!enabled} className="grid gap-1.5 disabled:opacity-60">
          <legend className="text-sm">Only for members of these groups (none ticked: everyone)</legend>
          {groups.length === 0 && <p className="text-xs text-muted-foreground">There are no groups yet.</p>}
          {groups.map((group) => (
            <label key={group.id} className="flex items-center gap-2.5 text-sm">
              <input
                type="checkbox"
                className={checkbox}
                checked={groupIds.has(group.id)}
                onChange={(event) => {
                  const next = new Set(groupIds);
                  if (event.target.checked) next.add(group.id);
                  else next.delete(group.id);
                  setGroupIds(next);
                  changed();
                }}
              />
              {group.name}
            </label>
          ))}
        </fieldset>
        <p className="text-xs text-muted-foreground">Turning keys off, or leaving a group, stops existing keys at their next request.</p>
        <SaveBar label="Save API key settings" status={status} />
      </form>
      <div className="grid gap-2">
        <h3 className="text-sm font-semibold">Every key</h3>
        <ApiKeyList keys={keys} owner={(key) => key.owner.email} onRevoke={setRevoking} />
      </div>
      <RevokeApiKeyDialog
        apiKey={revoking}
        onCancel={() => setRevoking(null)}
        onConfirm={async (key) => {
          const result = await callAdminApi<{ revoked: true }>(`/api/admin/api-keys/${encodeURIComponent(key.id)}`, "DELETE");
          if (!result.ok) throw new Error(result.message);
          const now = new Date().toISOString();
          setKeys((current) => current.map((item) => (item.id === key.id ? { ...item, state: "revoked", revokedAt: now } : item)));
          setRevoking(null);
        }}
      />
    </div>
  );
}
