"use client";

import { X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useState } from "react";
import { callAdminApi } from "@/components/admin/admin-api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import type { AdminUserPage } from "@/lib/db/admin-users";
import type { GroupMemberRow, GroupSummary } from "@/lib/db/groups";

/** A group's members, with a user search to add someone and a button to remove each. */
export function GroupMembers({ group }: { group: GroupSummary }) {
  const router = useRouter();
  const searchId = useId();
  const [members, setMembers] = useState<GroupMemberRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<AdminUserPage["users"] | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await callAdminApi<{ members: GroupMemberRow[] }>(`/api/admin/groups/${group.id}/members`, "GET");
    if (result.ok) setMembers(result.value.members);
    else setError(result.message);
  }, [group.id]);

  useEffect(() => {
    void load();
  }, [load]);

  async function search() {
    if (!query.trim()) return setMatches(null);
    setBusy(true);
    const result = await callAdminApi<AdminUserPage>(`/api/admin/users?query=${encodeURIComponent(query.trim())}`, "GET");
    setBusy(false);
    if (result.ok) setMatches(result.value.users);
    else setError(result.message);
  }

  async function change(path: string, method: "POST" | "DELETE", body?: unknown) {
    setBusy(true);
    setError(null);
    const result = await callAdminApi(path, method, body);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    await load();
    router.refresh();
  }

  const memberIds = new Set(members?.map((member) => member.userId));
  return (
    <div className="grid gap-4 border-t pt-4">
      {error ? <Alert>{error}</Alert> : null}
      {members === null ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Spinner /> Loading members…
        </p>
      ) : members.length === 0 ? (
        <p className="text-sm text-muted-foreground">No members yet.</p>
      ) : (
        <ul aria-label={`Members of ${group.name}`} className="grid gap-1">
          {members.map((member) => (
            <li key={member.userId} className="flex items-center justify-between gap-3 rounded-md px-2 py-1.5 text-sm hover:bg-accent/50">
              <span className="min-w-0 truncate">
                {member.name ? `${member.name} · ` : ""}
                <span className="text-muted-foreground">{member.email}</span>
                {member.source === "idp" ? <span className="ml-2 text-xs text-muted-foreground">(from identity provider)</span> : null}
              </span>
              <Button
                variant="ghost"
                size="sm"
                disabled={busy}
                aria-label={`Remove ${member.email} from ${group.name}`}
                onClick={() => change(`/api/admin/groups/${group.id}/members/${member.userId}`, "DELETE")}
              >
                <X aria-hidden="true" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        role="search"
        aria-label={`Find users to add to ${group.name}`}
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <div className="grid min-w-48 flex-1 gap-1.5">
          <Label htmlFor={searchId}>Add a member</Label>
          <Input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Name or email" autoComplete="off" />
        </div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? <Spinner /> : null}
          Find
        </Button>
      </form>
      {matches !== null ? (
        matches.length === 0 ? (
          <p className="text-sm text-muted-foreground">No user matches “{query}”.</p>
        ) : (
          <ul aria-label="Matching users" className="grid gap-1">
            {matches.slice(0, 8).map((user) => (
              <li key={user.id} className="flex items-center justify-between gap-3 rounded-md px-2 py-1.5 text-sm">
                <span className="min-w-0 truncate">
                  {user.name ? `${user.name} · ` : ""}
                  <span className="text-muted-foreground">{user.email}</span>
                </span>
                {memberIds.has(user.id) ? (
                  <span className="text-xs text-muted-foreground">Member</span>
                ) : (
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={busy}
                    onClick={() => change(`/api/admin/groups/${group.id}/members`, "POST", { userId: user.id })}
                  >
                    Add <span className="sr-only">{user.email}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
