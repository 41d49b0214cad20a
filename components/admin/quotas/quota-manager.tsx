"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { QuotaForm } from "./quota-form";
import { QuotaTable } from "./quota-table";
import type { Limits, QuotaTarget } from "./quota-types";
import { UserSearch } from "./user-search";

export interface QuotaManagerProps {
  groups: { id: string; name: string; memberCount: number; limits: Limits | null }[];
  users: { user: { id: string; email: string; name: string | null }; limits: Limits }[];
}

/** The quotas page: group limits, user limits, and the form for the one being edited. */
export function QuotaManager({ groups, users }: QuotaManagerProps) {
  const router = useRouter();
  const [editing, setEditing] = useState<QuotaTarget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const editorHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (editing) editorHeading.current?.focus();
  }, [editing]);

  function edit(target: QuotaTarget) {
    setNotice(null);
    setEditing(target);
  }

  function saved(limits: Limits | null) {
    if (!editing) return;
    setNotice(limits ? `Saved the limits of ${editing.label}.` : `${editing.label} has no limits of its own now.`);
    setEditing(null);
    router.refresh();
  }

  return (
    <div className="space-y-8">
      <p role="status" className={notice ? "rounded-lg border bg-card px-3.5 py-2.5 text-sm" : "sr-only"}>
        {notice}
      </p>

      {editing && (
        <section aria-labelledby="quota-editor-heading" className="rounded-xl border border-ring/40 bg-card p-4 shadow-sm sm:p-5">
          <h2 id="quota-editor-heading" ref={editorHeading} tabIndex={-1} className="text-base font-semibold focus:outline-none">
            Limits of {editing.kind === "group" ? "group " : ""}
            {editing.label}
          </h2>
          <div className="mt-3">
            <QuotaForm key={`${editing.kind}:${editing.id}`} target={editing} onSaved={saved} onCancel={() => setEditing(null)} />
          </div>
        </section>
      )}

      <section aria-labelledby="quota-groups-heading" className="space-y-3">
        <div>
          <h2 id="quota-groups-heading" className="text-base font-semibold">
            Group limits
          </h2>
          <p className="mt-1 text-[13px] text-muted-foreground">
            A group&apos;s limits apply to each member on their own usage; members do not share them. When a user has limits from several groups or their own,
            each limit is checked and the tightest one counts.
          </p>
        </div>
        <QuotaTable
          caption="Group limits"
          labelHeader="Group"
          emptyText="No groups yet. Create them under Groups."
          rows={groups.map((group) => ({
            id: group.id,
            label: group.name,
            sublabel: `${group.memberCount} ${group.memberCount === 1 ? "member" : "members"}`,
            limits: group.limits,
          }))}
          onEdit={(row) => edit({ kind: "group", id: row.id, label: row.label, limits: row.limits })}
        />
      </section>

      <section aria-labelledby="quota-users-heading" className="space-y-3">
        <div>
          <h2 id="quota-users-heading" className="text-base font-semibold">
            User limits
          </h2>
          <p className="mt-1 text-[13px] text-muted-foreground">Limits for one person, checked together with those of their groups.</p>
        </div>
        <div className="rounded-xl border bg-card p-4 shadow-sm sm:p-5">
          <UserSearch onPick={(user) => edit({ kind: "user", id: user.id, label: user.email, limits: user.quota })} />
        </div>
        <QuotaTable
          caption="Users with their own limits"
          labelHeader="User"
          emptyText="No user has limits of their own."
          rows={users.map(({ user, limits }) => ({ id: user.id, label: user.email, sublabel: user.name, limits }))}
          onEdit={(row) => edit({ kind: "user", id: row.id, label: row.label, limits: row.limits })}
        />
      </section>
    </div>
  );
}
