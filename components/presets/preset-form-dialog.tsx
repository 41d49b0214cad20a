"use client";

import { type FormEvent, useId, useState } from "react";
import { SettingsFormFields, textareaClasses } from "@/components/chat/settings/settings-fields";
import { type FieldErrors, fieldsOf, parseSettingsFields, type SettingsFields } from "@/components/chat/settings/settings-values";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import type { ModelLimit } from "@/lib/chat/model-limits";
import type { PresetView } from "@/lib/chat/preset-view";
import { cn } from "@/lib/utils";
import { type PresetPayload, savePreset } from "./preset-api";

const NAME_MAX = 100;
const PROMPT_MAX = 20_000;
const DEFAULT_MODEL = "";

type PresetFormDialogProps = {
  /** The preset being edited, "new" for a new one, null when closed. */
  editing: PresetView | "new" | null;
  models: ModelLimit[];
  onClose: () => void;
  onSaved: (preset: PresetView) => void;
};

/** Creates or edits a preset: name, model, system prompt, first message, temperature and answer length. */
export function PresetFormDialog({ editing, models, onClose, onSaved }: PresetFormDialogProps) {
  return (
    <Dialog
      open={editing !== null}
      className="w-[min(34rem,calc(100vw-2rem))]"
      onClose={onClose}
      title={editing === "new" ? "New preset" : "Edit preset"}
      description="Start chats from it with its model, system prompt and settings, and its first message ready to send."
    >
      {editing !== null && (
        <PresetForm
          key={editing === "new" ? "new" : editing.id}
          preset={editing === "new" ? null : editing}
          models={models}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Dialog>
  );
}

function PresetForm({
  preset,
  models,
  onClose,
  onSaved,
}: {
  preset: PresetView | null;
  models: ModelLimit[];
  onClose: () => void;
  onSaved: (preset: PresetView) => void;
}) {
  const id = useId();
  const [name, setName] = useState(preset?.name ?? "");
  const [modelId, setModelId] = useState(preset?.modelId && models.some((model) => model.id === preset.modelId) ? preset.modelId : DEFAULT_MODEL);
  const [prompt, setPrompt] = useState(preset?.prompt ?? "");
  const [fields, setFields] = useState<SettingsFields>(() =>
    fieldsOf({ systemPrompt: preset?.systemPrompt ?? null, temperature: preset?.temperature ?? null, maxOutputTokens: preset?.maxOutputTokens ?? null }),
  );
  const [errors, setErrors] = useState<FieldErrors & { name?: string }>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const model = models.find((candidate) => candidate.id === modelId) ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSettingsFields(fields, model?.maxOutputTokensLimit ?? null);
    const nameError = name.trim() ? undefined : "Give the preset a name.";
    if ("errors" in parsed || nameError) {
      setErrors({ ...("errors" in parsed ? parsed.errors : {}), name: nameError });
      return;
    }
    setErrors({});
    setSaving(true);
    setError(null);
    const payload: PresetPayload = { name: name.trim(), prompt: prompt.trim() ? prompt : null, modelId: modelId || null, ...parsed.values };
    const result = await savePreset(preset?.id ?? null, payload);
    setSaving(false);
    if (!result.ok) return setError(result.message);
    onSaved(result.value);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid content-start gap-1.5">
          <Label htmlFor={`${id}-name`}>Name</Label>
          <Input
            id={`${id}-name`}
            value={name}
            maxLength={NAME_MAX}
            onChange={(event) => setName(event.target.value)}
            data-autofocus
            required
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${id}-name-error` : undefined}
          />
          {errors.name && (
            <p id={`${id}-name-error`} className="text-[13px] text-destructive">
              {errors.name}
            </p>
          )}
        </div>
        <div className="grid content-start gap-1.5">
          <Label htmlFor={`${id}-model`}>Model</Label>
          <select
            id={`${id}-model`}
            value={modelId}
            onChange={(event) => setModelId(event.target.value)}
            className="h-10 w-full rounded-md border border-input bg-card px-2.5 text-sm text-foreground shadow-xs focus-visible:border-ring focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25 sm:h-9"
          >
            <option value={DEFAULT_MODEL}>Default model</option>
            {models.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-prompt`}>First message</Label>
        <textarea
          id={`${id}-prompt`}
          rows={3}
          maxLength={PROMPT_MAX}
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          placeholder="Optional: put in the message box when a chat starts"
          aria-describedby={`${id}-prompt-hint`}
          className={cn(textareaClasses, "max-h-48 min-h-20 resize-y")}
        />
        <p id={`${id}-prompt-hint`} className="text-xs text-muted-foreground">
          It is not sent on its own: you can edit it first.
        </p>
      </div>
      <SettingsFormFields
        fields={fields}
        onChange={setFields}
        errors={errors}
        maxOutputTokensLimit={model?.maxOutputTokensLimit ?? null}
        modelName={model?.name ?? null}
      />
      {error && <Alert>{error}</Alert>}
      <div className="flex flex-wrap justify-end gap-2 border-t border-border pt-4">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={saving}>
          {saving && <Spinner />}
          {preset ? "Save changes" : "Create preset"}
        </Button>
      </div>
    </form>
  );
}
