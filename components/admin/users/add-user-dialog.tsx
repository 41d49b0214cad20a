"use client";

import { Copy, UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callAdminApi } from "@/components/admin/admin-api";
import { NativeSelect } from "@/components/admin/native-select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";

type Created = { user: { email: string }; generatedPassword: string | null };

/** "Add user": a local account with a typed password, or one generated and shown here once. */
export function AddUserDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [generate, setGenerate] = useState(true);

  const close = () => {
    setOpen(false);
    setError(null);
    setCreated(null);
    setGenerate(true);
  };

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    const result = await callAdminApi<Created>("/api/admin/users", "POST", {
      email: data.get("email"),
      name: data.get("name"),
      role: data.get("role"),
      ...(generate ? {} : { password: data.get("password") }),
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setCreated(result.value);
    router.refresh();
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <UserPlus aria-hidden="true" />
        Add user
      </Button>
      <Dialog
        open={open}
        title={created ? "User added" : "Add a user"}
        description={created ? undefined : "A local account that signs in with email and password."}
        onClose={close}
      >
        {created ? (
          <div className="grid gap-4 text-sm">
            <p>
              <span className="font-medium">{created.user.email}</span> can sign in now.
            </p>
            {created.generatedPassword ? (
              <div className="grid gap-1.5">
                <Label htmlFor="generated-password">Initial password (shown only this once)</Label>
                <div className="flex gap-2">
                  <Input id="generated-password" readOnly value={created.generatedPassword} className="font-mono" onFocus={(event) => event.target.select()} />
                  <Button variant="secondary" aria-label="Copy password" onClick={() => navigator.clipboard?.writeText(created.generatedPassword ?? "")}>
                    <Copy aria-hidden="true" />
                  </Button>
                </div>
                <p className="text-muted-foreground">Give it to them through a safe channel; it cannot be shown again.</p>
              </div>
            ) : null}
            <div className="flex justify-end">
              <Button autoFocus onClick={close}>
                Done
              </Button>
            </div>
          </div>
        ) : (
          <form
            className="grid gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              void submit(event.currentTarget);
            }}
          >
            {error ? <Alert>{error}</Alert> : null}
            <div className="grid gap-1.5">
              <Label htmlFor="new-user-email">Email</Label>
              <Input id="new-user-email" name="email" type="email" required autoComplete="off" data-autofocus />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="new-user-name">Name</Label>
              <Input id="new-user-name" name="name" autoComplete="off" />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="new-user-role">Role</Label>
              <NativeSelect id="new-user-role" name="role" defaultValue="user">
                <option value="user">User</option>
                <option value="admin">Admin</option>
              </NativeSelect>
            </div>
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-[13px] font-medium">Initial password</legend>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="password-mode" checked={generate} onChange={() => setGenerate(true)} className="size-4 accent-primary" />
                Generate one and show it once
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="password-mode" checked={!generate} onChange={() => setGenerate(false)} className="size-4 accent-primary" />
                Type one
              </label>
              {generate ? null : (
                <div className="grid gap-1.5">
                  <Label htmlFor="new-user-password">Password (at least 12 characters)</Label>
                  <Input id="new-user-password" name="password" type="password" required minLength={12} autoComplete="new-password" />
                </div>
              )}
            </fieldset>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={busy}>
                {busy ? <Spinner /> : null}
                Add user
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
