"use client";

import { LocalTime } from "@/components/admin/audit/local-time";
import { Button } from "@/components/ui/button";
import type { ApiKeyView } from "@/lib/api-keys/view";

const stateLabel: Record<ApiKeyView["state"], string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

function When({ iso, empty }: { iso: string | null; empty: string }) {
  return iso ? <LocalTime iso={iso} /> : <>{empty}</>;
}

/** The keys as a table: name and prefix, state, dates, and Revoke for the ones still usable. */
export function ApiKeyList<K extends ApiKeyView>({
  keys,
  onRevoke,
  owner,
}: {
  keys: K[];
  onRevoke: (key: K) => void;
  /** Admin list: the owner's email per key. */
  owner?: (key: K) => string;
}) {
  if (keys.length === 0) return <p className="text-sm text-muted-foreground">No keys yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              Name
            </th>
            {owner && (
              <th scope="col" className="py-2 pr-3 font-medium">
                Owner
              </th>
            )}
            <th scope="col" className="py-2 pr-3 font-medium">
              State
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Created
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Last used
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Expires
            </th>
            <th scope="col" className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className="border-t align-top" data-testid="api-key-row">
              <td className="py-2 pr-3">
                <div className="font-medium">{key.name}</div>
                <div className="font-mono text-xs text-muted-foreground">{key.prefix}…</div>
                {key.saveToHistory && <div className="text-xs text-muted-foreground">Saved to history</div>}
              </td>
              {owner && <td className="py-2 pr-3">{owner(key)}</td>}
              <td className="py-2 pr-3">{stateLabel[key.state]}</td>
              <td className="py-2 pr-3">
                <LocalTime iso={key.createdAt} />
              </td>
              <td className="py-2 pr-3">
                <When iso={key.lastUsedAt} empty="Never" />
              </td>
              <td className="py-2 pr-3">
                <When iso={key.expiresAt} empty="Never" />
              </td>
              <td className="py-2 text-right">
                {key.state === "active" && (
                  <Button variant="secondary" size="sm" onClick={() => onRevoke(key)} aria-label={`Revoke ${key.name}`}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
