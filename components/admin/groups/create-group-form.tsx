"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callAdminApi } from "@/components/admin/admin-api";
import { NativeSelect } from "@/components/admin/native-select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";

export function CreateGroupForm() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    const result = await callAdminApi("/api/admin/groups", "POST", { name: data.get("name"), role: data.get("role") });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    form.reset();
    router.refresh();
  }

  return (
    <form
      aria-labelledby="create-group-heading"
      className="grid gap-3 rounded-xl border bg-card p-5"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <h2 id="create-group-heading" className="text-base font-semibold">
        Create a local group
      </h2>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid min-w-48 flex-1 gap-1.5">
          <Label htmlFor="new-group-name">Group name</Label>
          <Input id="new-group-name" name="name" required maxLength={100} autoComplete="off" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="new-group-role">Members get role</Label>
          <NativeSelect id="new-group-role" name="role" defaultValue="none">
            <option value="none">No role change</option>
            <option value="admin">Admin</option>
          </NativeSelect>
        </div>
        <Button type="submit" disabled={busy}>
          {busy ? <Spinner /> : <Plus aria-hidden="true" />}
          Create group
        </Button>
      </div>
    </form>
  );
}
