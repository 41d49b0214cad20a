"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { AdminUserRow } from "@/lib/db/admin-users";

type DialogProps = { user: AdminUserRow | null; busy: boolean; onConfirm: (user: AdminUserRow) => void; onCancel: () => void };

export function DisableUserDialog({ user, busy, onConfirm, onCancel }: DialogProps) {
  return (
    <ConfirmDialog
      open={user !== null}
      title="Disable this user?"
      description={<>{user?.email} will be signed out everywhere at once and cannot sign in until enabled again.</>}
      confirmLabel="Disable user"
      busy={busy}
      onConfirm={() => user && onConfirm(user)}
      onCancel={onCancel}
    />
  );
}

/** Deleting asks for the email typed out: the one action here that cannot be undone. */
export function DeleteUserDialog({ user, busy, onConfirm, onCancel }: DialogProps) {
  const [typed, setTyped] = useState("");
  const matches = user !== null && typed.trim().toLowerCase() === user.email;
  const close = () => {
    setTyped("");
    onCancel();
  };
  return (
    <ConfirmDialog
      open={user !== null}
      title="Delete this user and all their data?"
      description="Their conversations, messages, usage, sessions, group memberships, presets and quota are deleted for good. The audit log keeps its entries."
      confirmLabel="Delete user"
      busy={busy}
      canConfirm={matches}
      onConfirm={() => user && onConfirm(user)}
      onCancel={close}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="confirm-delete-email">
          Type <span className="font-mono">{user?.email}</span> to confirm
        </Label>
        <Input id="confirm-delete-email" value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" data-autofocus />
      </div>
    </ConfirmDialog>
  );
}
