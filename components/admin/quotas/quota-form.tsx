"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { apiResult } from "@/lib/api/client";
import { LIMIT_FIELDS, type Limits, type QuotaTarget } from "./quota-types";

type QuotaFormProps = {
  target: QuotaTarget;
  onSaved: (limits: Limits | null) => void;
  onCancel: () => void;
};

function initialValues(limits: Limits | null): Record<keyof Limits, string> {
  return {
    requestsPerMinute: limits?.requestsPerMinute?.toString() ?? "",
    tokensPerDay: limits?.tokensPerDay?.toString() ?? "",
    tokensPerMonth: limits?.tokensPerMonth?.toString() ?? "",
    costPerMonthUsd: limits?.costPerMonthUsd?.toString() ?? "",
  };
}

/** Empty is unlimited; anything else must be a number (the server checks the rest and says what is wrong). */
function limitsFrom(values: Record<keyof Limits, string>): Limits | string {
  const limits = {} as Limits;
  for (const field of LIMIT_FIELDS) {
    const text = values[field.name].trim();
    if (text === "") {
      limits[field.name] = null;
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) return `${field.label} must be a number, or empty for unlimited.`;
    limits[field.name] = value;
  }
  return limits;
}

/** Edits one user's or group's four limits; saving all empty removes the quota. */
export function QuotaForm({ target, onSaved, onCancel }: QuotaFormProps) {
  const [values, setValues] = useState(() => initialValues(target.limits));
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const formId = useId();

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const limits = limitsFrom(values);
    if (typeof limits === "string") return setError(limits);
    setError(null);
    setIsSaving(true);
    const result = await apiResult<{ limits: Limits | null }>(
      `/api/admin/quotas/${target.kind === "user" ? "users" : "groups"}/${encodeURIComponent(target.id)}`,
      {
        method: "PUT",
        body: limits,
        fallback: "The limits could not be saved. Please try again.",
      },
    );
    setIsSaving(false);
    if (!result.ok) return setError(result.message);
    onSaved(result.value.limits ?? null);
  }

  return (
    <form onSubmit={save} noValidate aria-describedby={`${formId}-help`} className="space-y-4">
      <p id={`${formId}-help`} className="text-[13px] text-muted-foreground">
        Leave a field empty for no limit. {target.kind === "group" ? "Each member of the group gets these limits for their own usage." : ""}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        {LIMIT_FIELDS.map((field) => (
          <div key={field.name} className="grid gap-1.5">
            <Label htmlFor={`${formId}-${field.name}`}>{field.label}</Label>
            <Input
              id={`${formId}-${field.name}`}
              name={field.name}
              type="number"
              inputMode={field.step === "1" ? "numeric" : "decimal"}
              min={0}
              step={field.step}
              placeholder="Unlimited"
              value={values[field.name]}
              aria-describedby={`${formId}-${field.name}-hint`}
              onChange={(event) => setValues((current) => ({ ...current, [field.name]: event.target.value }))}
            />
            <span id={`${formId}-${field.name}-hint`} className="text-xs text-muted-foreground">
              {field.hint}
            </span>
          </div>
        ))}
      </div>
      {error && <Alert>{error}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSaving}>
          {isSaving && <Spinner />}
          {isSaving ? "Saving…" : "Save limits"}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={isSaving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
