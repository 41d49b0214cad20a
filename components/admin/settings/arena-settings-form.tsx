"use client";

import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { apiResult } from "@/lib/api/client";

const checkbox = "size-4 rounded border-input accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** "Offer blind battles": on, Compare links to them and the Arena API answers; off, it refuses. */
export function ArenaSettingsForm({ initialEnabled }: { initialEnabled: boolean }) {
  const [enabled, setEnabled] = useState(initialEnabled);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setSaved(false);
    const result = await apiResult<{ enabled: boolean }>("/api/admin/settings/arena", { method: "PUT", body: { enabled } });
    setSaving(false);
    if (!result.ok) return setError(result.message);
    setEnabled(result.value.enabled);
    setSaved(true);
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="mt-4 grid max-w-xl gap-3" aria-label="Arena">
      <label className="flex items-center gap-2.5 text-sm font-medium">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => {
            setEnabled(event.target.checked);
            setSaved(false);
          }}
          className={checkbox}
        />
        Offer blind battles (the Arena)
      </label>
      {error && <Alert>{error}</Alert>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={saving}>
          {saving && <Spinner />}
          {saving ? "Saving…" : "Save arena setting"}
        </Button>
        <p role="status" className="text-sm text-success">
          {saved ? "Saved." : ""}
        </p>
      </div>
    </form>
  );
}
