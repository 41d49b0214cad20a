"use client";

import { ChevronDown, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callAdminApi } from "@/components/admin/admin-api";
import { NativeSelect } from "@/components/admin/native-select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Spinner } from "@/components/ui/spinner";
import type { GroupSummary } from "@/lib/db/groups";
import { cn } from "@/lib/utils";
import { GroupMembers } from "./group-members";

/** One group: where it comes from, how many members, the role it maps to, and its members on demand. */
export function GroupCard({ group }: { group: GroupSummary }) {
  const router = useRouter();
  const roleId = useId();
  const membersId = useId();
  const [expanded, setExpanded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  /** True when the change was saved; otherwise the error is shown. */
  async function send(method: "PATCH" | "DELETE", body?: unknown): Promise<boolean> {
    setBusy(true);
    setError(null);
    setSaved(false);
    const result = await callAdminApi(`/api/admin/groups/${group.id}`, method, body);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return false;
    }
    if (method === "PATCH") setSaved(true);
    router.refresh();
    return true;
  }

  return (
    <li data-testid="group-card" className="grid gap-3 rounded-xl border bg-card p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h3 className="truncate font-medium">{group.name}</h3>
          <p className="text-xs text-muted-foreground">
            {group.source === "idp" ? "From the identity provider" : "Local group"} · {group.memberCount} {group.memberCount === 1 ? "member" : "members"}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={roleId} className="text-[13px] font-medium">
            Role for members
          </label>
          <NativeSelect
            id={roleId}
            defaultValue={group.role === "admin" ? "admin" : "none"}
            disabled={busy}
            onChange={(event) => send("PATCH", { role: event.target.value })}
          >
            <option value="none">No role change</option>
            <option value="admin">Admin</option>
          </NativeSelect>
          <label className="flex items-center gap-1.5 text-[13px] font-medium">
            <input
              type="checkbox"
              className="size-4"
              defaultChecked={group.evaluator}
              disabled={busy}
              onChange={(event) => send("PATCH", { evaluator: event.target.checked })}
            />
            Members run evaluations
          </label>
          {busy ? <Spinner /> : null}
          <span role="status" className={cn("text-xs text-success", !saved && "sr-only")}>
            {saved ? "Saved" : ""}
          </span>
          <Button variant="secondary" size="sm" aria-expanded={expanded} aria-controls={membersId} onClick={() => setExpanded(!expanded)}>
            Members
            <ChevronDown aria-hidden="true" className={cn("transition-transform", expanded && "rotate-180")} />
          </Button>
          {group.source === "local" ? (
            <Button variant="ghost" size="sm" disabled={busy} aria-label={`Delete group ${group.name}`} onClick={() => setConfirmingDelete(true)}>
              <Trash2 aria-hidden="true" />
            </Button>
          ) : null}
        </div>
      </div>
      {error && !confirmingDelete ? <Alert>{error}</Alert> : null}
      <ConfirmDialog
        open={confirmingDelete}
        title={`Delete the group “${group.name}”?`}
        description="Its members keep their accounts."
        confirmLabel="Delete group"
        busy={busy}
        error={error}
        onConfirm={() => void send("DELETE").then((deleted) => deleted && setConfirmingDelete(false))}
        onCancel={() => {
          setConfirmingDelete(false);
          setError(null);
        }}
      />
      <div id={membersId} hidden={!expanded}>
        {expanded ? <GroupMembers group={group} /> : null}
      </div>
    </li>
  );
}
