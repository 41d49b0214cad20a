"use client";

import { Bookmark, MessageSquarePlus, Pencil, Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import type { ModelLimit } from "@/lib/chat/model-limits";
import type { PresetView } from "@/lib/chat/preset-view";
import { DeletePresetDialog } from "./delete-preset-dialog";
import { removePreset } from "./preset-api";
import { PresetFormDialog } from "./preset-form-dialog";

type PresetManagerProps = { initialPresets: PresetView[]; models: ModelLimit[] };

const byName = (a: PresetView, b: PresetView) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });

/** The presets page: the list, with New, Edit, Delete (confirmed) and Start chat. */
export function PresetManager({ initialPresets, models }: PresetManagerProps) {
  const [presets, setPresets] = useState(initialPresets);
  const [editing, setEditing] = useState<PresetView | "new" | null>(null);
  const [deleting, setDeleting] = useState<PresetView | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const onSaved = (saved: PresetView) => {
    setPresets((current) => [...current.filter((preset) => preset.id !== saved.id), saved].sort(byName));
    setAnnouncement(editing === "new" ? `Preset “${saved.name}” created.` : `Preset “${saved.name}” saved.`);
    setEditing(null);
  };

  const confirmDelete = async (preset: PresetView) => {
    setDeleteBusy(true);
    setDeleteError(null);
    const result = await removePreset(preset.id);
    setDeleteBusy(false);
    if (!result.ok) return setDeleteError(result.message);
    setPresets((current) => current.filter((item) => item.id !== preset.id));
    setAnnouncement(`Preset “${preset.name}” deleted.`);
    setDeleting(null);
  };

  const modelName = (id: string | null) => (id ? (models.find((model) => model.id === id)?.name ?? "A model no longer available") : "Default model");

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Presets</h1>
          <p className="mt-1.5 text-sm text-muted-foreground">Saved prompts and settings to start chats from.</p>
        </div>
        <Button onClick={() => setEditing("new")}>
          <Plus aria-hidden="true" />
          New preset
        </Button>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>

      {presets.length === 0 ? (
        <div className="mt-8 flex flex-col items-center rounded-xl border border-dashed border-border px-6 py-12 text-center">
          <Bookmark aria-hidden="true" className="size-6 text-muted-foreground" />
          <h2 className="mt-3 text-base font-semibold">No presets yet</h2>
          <p className="mt-1.5 max-w-sm text-sm text-muted-foreground">
            A preset keeps a system prompt, a model, its settings and a first message, so a chat you start often is one click away.
          </p>
        </div>
      ) : (
        <ul aria-label="Your presets" className="mt-6 grid gap-3">
          {presets.map((preset) => (
            <li key={preset.id} className="rounded-xl border border-border bg-card p-4 shadow-xs">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-48 flex-1">
                  <h2 className="truncate text-[15px] font-semibold">{preset.name}</h2>
                  <p className="mt-0.5 text-[13px] text-muted-foreground">{summary(preset, modelName(preset.modelId))}</p>
                </div>
                <div className="flex flex-wrap gap-1.5">
                  <Link
                    href={`/?preset=${encodeURIComponent(preset.id)}`}
                    className={buttonClasses({ size: "sm" })}
                    aria-label={`Start chat from ${preset.name}`}
                  >
                    <MessageSquarePlus aria-hidden="true" />
                    Start chat
                  </Link>
                  <Button variant="secondary" size="sm" aria-label={`Edit ${preset.name}`} onClick={() => setEditing(preset)}>
                    <Pencil aria-hidden="true" />
                    Edit
                  </Button>
                  <Button variant="ghost" size="sm" aria-label={`Delete ${preset.name}`} onClick={() => (setDeleteError(null), setDeleting(preset))}>
                    <Trash2 aria-hidden="true" />
                    Delete
                  </Button>
                </div>
              </div>
              {(preset.systemPrompt || preset.prompt) && (
                <dl className="mt-3 grid gap-1.5 text-[13px]">
                  {preset.systemPrompt && <Excerpt term="System prompt" text={preset.systemPrompt} />}
                  {preset.prompt && <Excerpt term="First message" text={preset.prompt} />}
                </dl>
              )}
            </li>
          ))}
        </ul>
      )}

      <PresetFormDialog editing={editing} models={models} onClose={() => setEditing(null)} onSaved={onSaved} />
      <DeletePresetDialog
        preset={deleting}
        deleting={deleteBusy}
        error={deleteError}
        onConfirm={(preset) => void confirmDelete(preset)}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}

function summary(preset: PresetView, model: string): string {
  const parts = [model];
  if (preset.temperature !== null) parts.push(`temperature ${preset.temperature}`);
  if (preset.maxOutputTokens !== null) parts.push(`up to ${preset.maxOutputTokens.toLocaleString("en-US")} tokens`);
  return parts.join(" · ");
}

function Excerpt({ term, text }: { term: string; text: string }) {
  return (
    <div className="flex min-w-0 gap-2">
      <dt className="shrink-0 text-muted-foreground">{term}:</dt>
      <dd className="min-w-0 truncate">{text}</dd>
    </div>
  );
}
