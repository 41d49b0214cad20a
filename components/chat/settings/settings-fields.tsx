"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SYSTEM_PROMPT_MAX_LENGTH, TEMPERATURE_MAX, TEMPERATURE_MIN } from "@/lib/chat/generation-limits";
import { cn } from "@/lib/utils";
import type { FieldErrors, SettingsFields } from "./settings-values";

type SettingsFieldsProps = {
  fields: SettingsFields;
  onChange: (fields: SettingsFields) => void;
  errors: FieldErrors;
  /** The model's ceiling for the answer length; null when unknown. */
  maxOutputTokensLimit: number | null;
  modelName: string | null;
};

export const textareaClasses = cn(
  "block w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground shadow-xs transition-[color,box-shadow,border-color]",
  "placeholder:text-muted-foreground/70 focus-visible:border-ring focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25",
  "aria-invalid:border-destructive",
);

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="text-[13px] text-destructive">
      {message}
    </p>
  ) : null;
}

/** System prompt, temperature and answer length: labelled, with their limits and "Model default" when empty. */
export function SettingsFormFields({ fields, onChange, errors, maxOutputTokensLimit, modelName }: SettingsFieldsProps) {
  const id = useId();
  const set = (key: keyof SettingsFields) => (value: string) => onChange({ ...fields, [key]: value });
  const describedBy = (key: keyof SettingsFields) => `${id}-${key}-hint${errors[key] ? ` ${id}-${key}-error` : ""}`;
  const limitText = maxOutputTokensLimit === null ? "" : ` Up to ${maxOutputTokensLimit.toLocaleString("en-US")}${modelName ? ` for ${modelName}` : ""}.`;

  return (
    <div className="grid gap-4">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-systemPrompt`}>System prompt</Label>
        <textarea
          id={`${id}-systemPrompt`}
          name="systemPrompt"
          data-autofocus
          rows={5}
          maxLength={SYSTEM_PROMPT_MAX_LENGTH}
          value={fields.systemPrompt}
          onChange={(event) => set("systemPrompt")(event.target.value)}
          placeholder="Model default"
          aria-invalid={errors.systemPrompt ? true : undefined}
          aria-describedby={describedBy("systemPrompt")}
          className={cn(textareaClasses, "max-h-64 min-h-28 resize-y")}
        />
        <p id={`${id}-systemPrompt-hint`} className="text-xs text-muted-foreground">
          Instructions the model follows in this conversation. Leave empty for the model&apos;s default. {fields.systemPrompt.length.toLocaleString("en-US")} /{" "}
          {SYSTEM_PROMPT_MAX_LENGTH.toLocaleString("en-US")} characters.
        </p>
        <FieldError id={`${id}-systemPrompt-error`} message={errors.systemPrompt} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid content-start gap-1.5">
          <Label htmlFor={`${id}-temperature`}>Temperature</Label>
          <Input
            id={`${id}-temperature`}
            name="temperature"
            type="number"
            inputMode="decimal"
            min={TEMPERATURE_MIN}
            max={TEMPERATURE_MAX}
            step={0.1}
            value={fields.temperature}
            onChange={(event) => set("temperature")(event.target.value)}
            placeholder="Model default"
            aria-invalid={errors.temperature ? true : undefined}
            aria-describedby={describedBy("temperature")}
          />
          <p id={`${id}-temperature-hint`} className="text-xs text-muted-foreground">
            {TEMPERATURE_MIN} to {TEMPERATURE_MAX}: lower is more focused, higher more varied.
          </p>
          <FieldError id={`${id}-temperature-error`} message={errors.temperature} />
        </div>
        <div className="grid content-start gap-1.5">
          <Label htmlFor={`${id}-maxOutputTokens`}>Max answer length (tokens)</Label>
          <Input
            id={`${id}-maxOutputTokens`}
            name="maxOutputTokens"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxOutputTokensLimit ?? undefined}
            step={1}
            value={fields.maxOutputTokens}
            onChange={(event) => set("maxOutputTokens")(event.target.value)}
            placeholder="Model default"
            aria-invalid={errors.maxOutputTokens ? true : undefined}
            aria-describedby={describedBy("maxOutputTokens")}
          />
          <p id={`${id}-maxOutputTokens-hint`} className="text-xs text-muted-foreground">
            Leave empty for the model&apos;s default.{limitText}
          </p>
          <FieldError id={`${id}-maxOutputTokens-error`} message={errors.maxOutputTokens} />
        </div>
      </div>
    </div>
  );
}
