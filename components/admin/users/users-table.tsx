"use client";

import { Check } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { callAdminApi } from "@/components/admin/admin-api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AdminUserRow } from "@/lib/db/admin-users";
import { cn } from "@/lib/utils";
import { DeleteUserDialog, DisableUserDialog } from "./confirm-user-dialogs";
import { type UserAction, UserRowActions } from "./user-row-actions";
import { UserStatusBadge } from "./user-status-badge";

const tokens = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const dollars = new Intl.NumberFormat("en", { style: "currency", currency: "USD", maximumFractionDigits: 2 });
const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

type UsersTableProps = { users: AdminUserRow[]; currentUserId: string; emptyState: ReactNode };

/** The table stays mounted when the last row goes, so the message about what just happened stays too. */
export function UsersTable({ users, currentUserId, emptyState }: UsersTableProps) {
  const router = useRouter();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [disabling, setDisabling] = useState<AdminUserRow | null>(null);
  const [deleting, setDeleting] = useState<AdminUserRow | null>(null);

  async function run(user: AdminUserRow, path: string, method: "POST" | "PATCH" | "DELETE", body: unknown, done: string) {
    setBusyId(user.id);
    setError(null);
    setNotice(null);
    const result = await callAdminApi(path, method, body);
    setBusyId(null);
    if (!result.ok) return setError(result.message);
    setDisabling(null);
    setDeleting(null);
    setNotice(done);
    router.refresh();
  }

  function onAction(user: AdminUserRow, action: UserAction) {
    const path = `/api/admin/users/${user.id}`;
    if (action === "promote") return run(user, path, "PATCH", { role: "admin" }, `${user.email} is now an admin.`);
    if (action === "demote") return run(user, path, "PATCH", { role: "user" }, `${user.email} is no longer an admin.`);
    if (action === "enable") return run(user, path, "PATCH", { status: "active" }, `${user.email} is enabled.`);
    if (action === "disable") return setDisabling(user);
    return setDeleting(user);
  }

  return (
    <div className="grid gap-3">
      {error ? <Alert>{error}</Alert> : null}
      <p role="status" className={cn("text-sm text-success", !notice && "sr-only")}>
        {notice}
      </p>
      {users.length === 0 ? (
        emptyState
      ) : (
        <div className="overflow-x-auto rounded-xl border bg-card">
          <table className="w-full text-sm">
            <caption className="sr-only">Users, pending approval first</caption>
            <thead className="border-b bg-muted/50 text-left text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  User
                </th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">
                  Role
                </th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium lg:table-cell">
                  Groups
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Status
                </th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">
                  Last active
                </th>
                <th scope="col" className="hidden px-4 py-2.5 text-right font-medium md:table-cell">
                  This month
                </th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const isSelf = user.id === currentUserId;
                const busy = busyId === user.id;
                return (
                  <tr key={user.id} data-testid="user-row" className={cn("border-b last:border-b-0", user.status === "pending" && "bg-accent/60")}>
                    <td className="max-w-64 px-4 py-3">
                      <div className="truncate font-medium">
                        {user.name ?? user.email}
                        {isSelf ? <span className="ml-1.5 text-xs font-normal text-muted-foreground">(you)</span> : null}
                      </div>
                      <div className="truncate text-xs text-muted-foreground">{user.email}</div>
                      <div className="mt-1 text-xs text-muted-foreground sm:hidden">{user.role === "admin" ? "Admin" : "User"}</div>
                    </td>
                    <td className="hidden px-4 py-3 sm:table-cell">{user.role === "admin" ? "Admin" : "User"}</td>
                    <td className="hidden max-w-56 px-4 py-3 lg:table-cell">
                      {user.groups.length === 0 ? (
                        <span className="text-muted-foreground">—</span>
                      ) : (
                        <span className="line-clamp-2 text-xs">{user.groups.map((group) => group.name).join(", ")}</span>
                      )}
                    </td>
                    <td className="px-4 py-3">
                      <UserStatusBadge status={user.status} />
                    </td>
                    <td className="hidden px-4 py-3 whitespace-nowrap text-muted-foreground md:table-cell">
                      {user.lastActiveAt ? day.format(new Date(user.lastActiveAt)) : "Never"}
                    </td>
                    <td className="hidden px-4 py-3 text-right whitespace-nowrap tabular-nums md:table-cell">
                      {tokens.format(user.tokensThisMonth)} tokens
                      <div className="text-xs text-muted-foreground">{dollars.format(user.costThisMonthUsd)}</div>
                    </td>
                    <td className="px-4 py-3">
                      <div className="flex items-center justify-end gap-1">
                        {user.status === "pending" ? (
                          <Button
                            size="sm"
                            disabled={busy}
                            onClick={() => run(user, `/api/admin/users/${user.id}/approve`, "POST", undefined, `${user.email} is approved and can sign in.`)}
                            aria-label={`Approve ${user.email}`}
                          >
                            <Check aria-hidden="true" />
                            Approve
                          </Button>
                        ) : null}
                        <UserRowActions user={user} isSelf={isSelf} busy={busy} onAction={(action) => onAction(user, action)} />
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <DisableUserDialog
        user={disabling}
        busy={busyId !== null}
        onCancel={() => setDisabling(null)}
        onConfirm={(user) => run(user, `/api/admin/users/${user.id}`, "PATCH", { status: "disabled" }, `${user.email} is disabled and signed out.`)}
      />
      <DeleteUserDialog
        user={deleting}
        busy={busyId !== null}
        onCancel={() => setDeleting(null)}
        onConfirm={(user) => run(user, `/api/admin/users/${user.id}`, "DELETE", { confirmEmail: user.email }, `${user.email} and their data are deleted.`)}
      />
    </div>
  );
}
