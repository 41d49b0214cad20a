"use client";

import { type FormEvent, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { API_KEY_NAME_MAX_LENGTH } from "@/lib/api-keys/inputs";
import type { ApiKeyView } from "@/lib/api-keys/view";
import { createApiKey } from "./api-keys-api";

const EXPIRY_CHOICES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
] as const;

/** Name, expiry and "save to my history"; on success hands the new key (shown once) to the section. */
export function CreateApiKeyForm({ onCreated }: { onCreated: (created: { key: string; apiKey: ApiKeyView }) => void }) {
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<string>("90");
  const [saveToHistory, setSaveToHistory] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const historyHintId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setError("Give the key a name.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await createApiKey({ name: name.trim(), expiresInDays: expiry === "never" ? null : Number(expiry), saveToHistory });
      setName("");
      setSaveToHistory(false);
      onCreated(created);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-3" aria-label="Create an API key">
      <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
        <div className="grid gap-1.5">
          <Label htmlFor="api-key-name">Name</Label>
          <Input
            id="api-key-name"
            value={name}
            maxLength={API_KEY_NAME_MAX_LENGTH}
            placeholder="e.g. VS Code on my laptop"
            onChange={(event) => setName(event.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="api-key-expiry">Expires after</Label>
          <select
            id="api-key-expiry"
            value={expiry}
            onChange={(event) => setExpiry(event.target.value)}
            className="h-10 rounded-md border border-input bg-card px-3 text-sm sm:h-9"
          >
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label className="flex items-start gap-2.5 text-sm">
        <input
          type="checkbox"
          checked={saveToHistory}
          onChange={(event) => setSaveToHistory(event.target.checked)}
          aria-describedby={historyHintId}
          className="mt-0.5 size-4 rounded border-input accent-primary"
        />
        <span>
          Save to my history
          <span id={historyHintId} className="block text-xs text-muted-foreground">
            Each request made with this key is stored as a conversation you can read here. Off: only usage is recorded.
          </span>
        </span>
      </label>
      {error && <Alert>{error}</Alert>}
      <div>
        <Button type="submit" disabled={busy}>
          {busy && <Spinner />}
          {busy ? "Creating…" : "Create key"}
        </Button>
      </div>
    </form>
  );
}
