"use client";

import { type FormEvent, useId, useState } from "react";
import { LocalTime } from "@/components/admin/audit/local-time";
import { SaveBar, useSaveStatus } from "@/components/admin/save-bar";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type ApiResult, apiResult } from "@/lib/api/client";
import type { RetentionSettings } from "@/lib/db/retention-settings";
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from "@/lib/retention/schema";

const DEFAULT_DAYS = 365;

function saveRetention(days: number | null): Promise<ApiResult<RetentionSettings>> {
  return apiResult<RetentionSettings>("/api/admin/settings/retention", {
    method: "PUT",
    body: { days },
    fallback: "The setting could not be saved. Please try again.",
  });
}

function LastRun({ lastRun }: { lastRun: RetentionSettings["lastRun"] }) {
  if (!lastRun) return <>The job has not run yet.</>;
  const count = `${lastRun.deleted} conversation${lastRun.deleted === 1 ? "" : "s"}`;
  return (
    <>
      Last run <LocalTime iso={lastRun.at} />: deleted {count}.
    </>
  );
}

export function RetentionForm({ initial }: { initial: RetentionSettings }) {
  const [settings, setSettings] = useState(initial);
  const [enabled, setEnabled] = useState(initial.days !== null);
  const [days, setDays] = useState(String(initial.days ?? DEFAULT_DAYS));
  const { status, save, changed, fail } = useSaveStatus();
  const hintId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(days);
    if (enabled && (!Number.isInteger(value) || value < RETENTION_MIN_DAYS || value > RETENTION_MAX_DAYS)) {
      fail(`Enter a whole number of days from ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS}.`);
      return;
    }
    const result = await save(() => saveRetention(enabled ? value : null));
    if (result.ok) setSettings(result.value);
  }

  return (
    // noValidate: the form says what is wrong in its own words, the same way in every browser.
    <form onSubmit={onSubmit} noValidate className="mt-4 grid max-w-xl gap-4">
      <label className="flex items-center gap-2.5 text-sm font-medium">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => {
            setEnabled(event.target.checked);
            changed();
          }}
          className="size-4 rounded border-input accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        />
        Delete old conversations automatically
      </label>
      <div className="grid gap-1.5">
        <Label htmlFor="retention-days">Delete conversations not updated for (days)</Label>
        <Input
          id="retention-days"
          type="number"
          inputMode="numeric"
          min={RETENTION_MIN_DAYS}
          max={RETENTION_MAX_DAYS}
          step={1}
          required={enabled}
          disabled={!enabled}
          value={days}
          onChange={(event) => {
            setDays(event.target.value);
            changed();
          }}
          aria-describedby={hintId}
          aria-invalid={status.error ? true : undefined}
          className="w-40"
        />
        <p id={hintId} className="text-xs text-muted-foreground">
          {RETENTION_MIN_DAYS} to {RETENTION_MAX_DAYS} days. Off: conversations are kept until their owner deletes them.
        </p>
      </div>
      <SaveBar label="Save retention" status={status} />
      <p className="text-sm text-muted-foreground" data-testid="retention-last-run">
        {settings.days === null ? "Retention is off. " : `Conversations idle for ${settings.days} days are deleted. `}
        <LastRun lastRun={settings.lastRun} />
      </p>
    </form>
  );
}
