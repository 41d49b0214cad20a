"use client";

import { type FormEvent, useId, useState } from "react";
import { AdminSection } from "@/components/admin/admin-section";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { findingTypeName } from "@/lib/privacy/describe";
import type { Boundary, PrivacyAction } from "@/lib/privacy/policy";
import type { Finding } from "@/lib/privacy/types";
import { callAdminApi } from "../admin-api";
import { actionLabel } from "./privacy-labels";

type TriedFinding = Finding & { text: string; actions: Record<Boundary, PrivacyAction> };

/** Runs the server's detectors (with the admin's terms and patterns) on a text and lists the findings. */
export function PrivacyTryBox() {
  const id = useId();
  const [text, setText] = useState("");
  const [findings, setFindings] = useState<TriedFinding[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await callAdminApi<{ findings: TriedFinding[] }>("/api/admin/privacy/try", "POST", { text });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setFindings(result.value.findings);
  }

  return (
    <AdminSection
      id="privacy-try"
      title="Try the detectors"
      description="Paste text to see what would be found and what each boundary would do with it. The text is not stored or logged."
    >
      <form onSubmit={(event) => void onSubmit(event)} className="mt-4 grid gap-3" aria-label="Try the detectors">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-text`}>Text</Label>
          <textarea
            id={`${id}-text`}
            rows={4}
            value={text}
            onChange={(event) => setText(event.target.value)}
            className="block w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground shadow-xs focus-visible:border-ring focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25"
          />
        </div>
        {error && <Alert>{error}</Alert>}
        <div>
          <Button type="submit" disabled={busy || text.trim() === ""}>
            {busy && <Spinner />}
            Find
          </Button>
        </div>
      </form>
      <div aria-live="polite" className="mt-4">
        {findings && findings.length === 0 && <p className="text-sm text-muted-foreground">Nothing found.</p>}
        {findings && findings.length > 0 && (
          <ul className="grid gap-2 text-sm" data-testid="privacy-try-findings">
            {findings.map((finding) => (
              <li key={`${finding.start}-${finding.type}`} className="rounded-md border border-border px-3 py-2">
                <span className="font-medium">{findingTypeName(finding.type)}</span>
                {finding.detail ? <span className="text-muted-foreground"> ({finding.detail})</span> : null}
                <span className="text-muted-foreground">
                  {" "}
                  · characters {finding.start + 1}–{finding.end} · {Math.round(finding.confidence * 100)} % sure
                </span>
                <code className="mt-1 block truncate text-xs">{finding.text}</code>
                <span className="mt-1 block text-xs text-muted-foreground">
                  Internal: {actionLabel[finding.actions.internal].toLowerCase()} · External: {actionLabel[finding.actions.external].toLowerCase()}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </AdminSection>
  );
}
