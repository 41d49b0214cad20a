"use client";

import { DemoBadge } from "@/components/chat/demo-badge";
import { MAX_COMPARE_MODELS } from "@/lib/chat/compare-limits";
import type { ModelOption } from "@/lib/chat/types";
import { cn } from "@/lib/utils";

type ModelPickerProps = {
  models: ModelOption[];
  selected: string[];
  disabled: boolean;
  onChange: (selected: string[]) => void;
};

/** Two or three of the models this user may use, as checkboxes; a fourth cannot be ticked. */
export function ModelPicker({ models, selected, disabled, onChange }: ModelPickerProps) {
  const full = selected.length >= MAX_COMPARE_MODELS;
  const toggle = (id: string, checked: boolean) => {
    // Kept in the order of the list, so the columns are too.
    const next = checked ? [...selected, id] : selected.filter((value) => value !== id);
    onChange(models.map((model) => model.id).filter((modelId) => next.includes(modelId)));
  };

  return (
    <fieldset disabled={disabled} className="min-w-0">
      <legend className="text-sm font-medium">
        Models to compare <span className="font-normal text-muted-foreground">(choose 2 or 3)</span>
      </legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {models.map((model) => {
          const checked = selected.includes(model.id);
          const unavailable = !checked && full;
          return (
            <label
              key={model.id}
              className={cn(
                "inline-flex cursor-pointer items-center gap-2 rounded-lg border bg-card px-3 py-2 text-[13px] shadow-xs transition-colors",
                "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring",
                checked ? "border-primary/60 bg-primary/5" : "hover:bg-accent",
                (unavailable || disabled) && "cursor-not-allowed opacity-60",
              )}
            >
              <input
                type="checkbox"
                name="modelIds"
                value={model.id}
                checked={checked}
                disabled={unavailable}
                onChange={(event) => toggle(model.id, event.target.checked)}
                className="size-4 accent-primary"
              />
              <span className="font-medium">{model.name}</span>
              {model.demo && !/\bdemo\b/i.test(model.name) && <DemoBadge />}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
