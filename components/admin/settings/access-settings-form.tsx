"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callAdminApi } from "@/components/admin/admin-api";
import { useSaveStatus } from "@/components/admin/save-bar";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils";

type AccessSettingsFormProps = { allowedEmailDomains: string; requireApproval: boolean; isDomainListFromEnv: boolean };

export function AccessSettingsForm({ allowedEmailDomains, requireApproval, isDomainListFromEnv }: AccessSettingsFormProps) {
  const router = useRouter();
  const [domains, setDomains] = useState(allowedEmailDomains);
  const [approval, setApproval] = useState(requireApproval);
  const { status, save } = useSaveStatus();
  const { saving: busy, saved, error } = status;

  async function saveRules() {
    const result = await save(() =>
      callAdminApi<{ allowedEmailDomains: string[] }>("/api/admin/settings/access", "PUT", {
        allowedEmailDomains: domains,
        requireApproval: approval,
      }),
    );
    if (!result.ok) return;
    setDomains(result.value.allowedEmailDomains.join(", "));
    router.refresh();
  }

  return (
    <form
      aria-labelledby="settings-access"
      className="mt-4 grid gap-4"
      autoComplete="off"
      onSubmit={(event) => {
        event.preventDefault();
        void saveRules();
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      <div className="grid gap-1.5">
        <Label htmlFor="allowed-domains">Allowed email domains</Label>
        <textarea
          id="allowed-domains"
          aria-describedby="allowed-domains-help"
          name="allowedEmailDomains"
          value={domains}
          onChange={(event) => setDomains(event.target.value)}
          autoComplete="off"
          rows={2}
          className="w-full rounded-md border border-input bg-card px-3 py-2 text-sm shadow-xs focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 focus-visible:outline-none"
          placeholder="example.com, corp.example.org"
        />
        <p id="allowed-domains-help" className="text-xs text-muted-foreground">
          Separate domains with commas. Empty lets every domain in.
          {isDomainListFromEnv ? " Until saved here, the list comes from ALLOWED_EMAIL_DOMAINS." : null}
        </p>
      </div>
      <label className="flex items-start gap-2.5 text-sm">
        <input type="checkbox" checked={approval} onChange={(event) => setApproval(event.target.checked)} className="mt-0.5 size-4 accent-primary" />
        <span>
          <span className="font-medium">New company sign-ins need approval</span>
          <span className="block text-xs text-muted-foreground">
            People signing in with SSO for the first time wait on a “waiting for approval” page until an admin approves them under Users.
          </span>
        </span>
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? <Spinner /> : null}
          Save sign-up rules
        </Button>
        <span role="status" className={cn("text-sm text-success", !saved && "sr-only")}>
          {saved ? "Saved" : ""}
        </span>
      </div>
    </form>
  );
}
