"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { apiResult } from "@/lib/api/client";
import type { SettingsValues } from "./settings-values";

type SaveAsPresetProps = {
  /** The values to save, or null with the fields' messages shown when they do not validate. */
  currentValues: () => SettingsValues | null;
  modelId: string | null;
};

/** "Save as preset": names the dialog's current settings (and the model) as a preset the user can start chats from. */
export function SaveAsPreset({ currentValues, modelId }: SaveAsPresetProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [savedName, setSavedName] = useState<string | null>(null);

  const save = async () => {
    const values = currentValues();
    if (!values) return;
    if (!name.trim()) {
      setError("Give the preset a name.");
      return;
    }
    setSaving(true);
    setError(null);
    const saved = await apiResult("/api/presets", {
      method: "POST",
      body: { name: name.trim(), ...values, modelId },
      fallback: "The preset could not be saved. Please try again.",
    });
    setSaving(false);
    if (!saved.ok) return setError(saved.message);
    setSavedName(name.trim());
    setOpen(false);
    setName("");
  };

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Button variant="secondary" size="sm" onClick={() => (setOpen(true), setSavedName(null))}>
          Save as preset…
        </Button>
        {savedName && (
          <p role="status" className="text-[13px] text-muted-foreground">
            Saved as preset “{savedName}”.{" "}
            <Link href="/presets" className="text-primary underline-offset-4 hover:underline">
              Manage presets
            </Link>
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="grid gap-1.5 rounded-lg border border-border p-3">
      <Label htmlFor={`${id}-name`}>Preset name</Label>
      <div className="flex gap-2">
        <Input
          id={`${id}-name`}
          value={name}
          maxLength={100}
          autoFocus
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              void save();
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <Button size="md" onClick={() => void save()} disabled={saving}>
          {saving && <Spinner />}
          Save preset
        </Button>
        <Button variant="ghost" size="md" onClick={() => (setOpen(false), setError(null))}>
          Cancel
        </Button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-[13px] text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
