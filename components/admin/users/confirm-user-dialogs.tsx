"use client";

import { useState } from "react";
import { ModalDialog } from "@/components/admin/modal-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import type { AdminUserRow } from "@/lib/db/admin-users";

const destructive = "bg-destructive text-white hover:bg-destructive/90";

type DialogProps = { user: AdminUserRow | null; busy: boolean; onConfirm: (user: AdminUserRow) => void; onCancel: () => void };

export function DisableUserDialog({ user, busy, onConfirm, onCancel }: DialogProps) {
  return (
    <ModalDialog
      open={user !== null}
      role="alertdialog"
      title="Disable this user?"
      description={user ? <>{user.email} will be signed out everywhere at once and cannot sign in until enabled again.</> : null}
      onClose={onCancel}
    >
      <div className="flex justify-end gap-2">
        <Button variant="secondary" autoFocus onClick={onCancel}>
          Cancel
        </Button>
        <Button className={destructive} disabled={busy} onClick={() => user && onConfirm(user)}>
          {busy ? <Spinner /> : null}
          Disable user
        </Button>
      </div>
    </ModalDialog>
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
    <ModalDialog
      open={user !== null}
      role="alertdialog"
      title="Delete this user and all their data?"
      description={
        user ? (
          <>Their conversations, messages, usage, sessions, group memberships, presets and quota are deleted for good. The audit log keeps its entries.</>
        ) : null
      }
      onClose={close}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (user && matches) onConfirm(user);
        }}
        className="grid gap-4"
      >
        <div className="grid gap-1.5">
          <Label htmlFor="confirm-delete-email">
            Type <span className="font-mono">{user?.email}</span> to confirm
          </Label>
          <Input id="confirm-delete-email" value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" autoFocus />
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" className={destructive} disabled={!matches || busy}>
            {busy ? <Spinner /> : null}
            Delete user
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
