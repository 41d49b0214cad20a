"use client";

import { type FormEvent, useId, useState } from "react";
import { SaveBar, useSaveStatus } from "@/components/admin/save-bar";
import { Label } from "@/components/ui/label";
import { type ApiResult, apiResult } from "@/lib/api/client";

function saveHosts(hosts: string): Promise<ApiResult<{ hosts: string[] }>> {
  return apiResult<{ hosts: string[] }>("/api/admin/settings/images", {
    method: "PUT",
    body: { hosts },
    fallback: "The setting could not be saved. Please try again.",
  });
}

/** "Allow images from these hosts": one host name per line; empty means only the app's own images. */
export function ImageHostsForm({ initialHosts }: { initialHosts: string[] }) {
  const [text, setText] = useState(initialHosts.join("\n"));
  const { status, save, changed } = useSaveStatus();
  const id = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await save(() => saveHosts(text));
    if (result.ok) setText(result.value.hosts.join("\n"));
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="mt-4 grid max-w-xl gap-4" aria-label="Images in answers">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-hosts`}>Allow images from these hosts</Label>
        <textarea
          id={`${id}-hosts`}
          name="hosts"
          rows={4}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            changed();
          }}
          placeholder={"images.example.com\ncdn.example.com:8443"}
          spellCheck={false}
          autoCapitalize="off"
          aria-describedby={`${id}-hint`}
          aria-invalid={status.error ? true : undefined}
          className="block w-full rounded-md border border-input bg-card px-3 py-2 font-mono text-[13px] text-foreground shadow-xs placeholder:text-muted-foreground/70 focus-visible:border-ring focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25 aria-invalid:border-destructive"
        />
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          One host name per line, with a port if it is not the default (no https://, no path, no wildcards). Empty: only this app&apos;s own images.
        </p>
      </div>
      <SaveBar label="Save image hosts" status={status} />
    </form>
  );
}
