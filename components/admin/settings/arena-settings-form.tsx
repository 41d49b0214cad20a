"use client";

import { type FormEvent, useState } from "react";
import { SaveBar, useSaveStatus } from "@/components/admin/save-bar";
import { apiResult } from "@/lib/api/client";

const checkbox = "size-4 rounded border-input accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** "Offer blind battles": on, Compare links to them and the Arena API answers; off, it refuses. */
export function ArenaSettingsForm({ initialEnabled }: { initialEnabled: boolean }) {
  const [enabled, setEnabled] = useState(initialEnabled);
  const { status, save, changed } = useSaveStatus();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await save(() => apiResult<{ enabled: boolean }>("/api/admin/settings/arena", { method: "PUT", body: { enabled } }));
    if (result.ok) setEnabled(result.value.enabled);
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="mt-4 grid max-w-xl gap-3" aria-label="Arena">
      <label className="flex items-center gap-2.5 text-sm font-medium">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => {
            setEnabled(event.target.checked);
            changed();
          }}
          className={checkbox}
        />
        Offer blind battles (the Arena)
      </label>
      <SaveBar label="Save arena setting" status={status} />
    </form>
  );
}
