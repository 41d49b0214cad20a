"use client";

import { Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { NativeSelect } from "@/components/admin/native-select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { apiResult } from "@/lib/api/client";
import type { StartRunInput } from "@/lib/evals/run-input";

type Option = { id: string; name: string };

const numberOrNull = (value: FormDataEntryValue | null) => (typeof value === "string" && value.trim() !== "" ? Number(value) : null);

/** Pick a set, two or more models and the settings; the run starts in the background and its page opens. */
export function StartRunForm({ sets, models }: { sets: Array<Option & { itemCount: number }>; models: Option[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const body: StartRunInput = {
      setId: String(data.get("setId") ?? ""),
      modelIds: data.getAll("modelIds").map(String),
      sampleSize: numberOrNull(data.get("sampleSize")),
      temperature: numberOrNull(data.get("temperature")),
      maxOutputTokens: numberOrNull(data.get("maxOutputTokens")),
      concurrency: numberOrNull(data.get("concurrency")) ?? 2,
      costCapUsd: numberOrNull(data.get("costCapUsd")),
      judgeModelId: String(data.get("judgeModelId") ?? "") || null,
      rubric: String(data.get("rubric") ?? "") || null,
      tolerance: numberOrNull(data.get("tolerance")),
    };
    setBusy(true);
    setError(null);
    const result = await apiResult<{ run: { id: string } }>("/api/admin/evals/runs", { method: "POST", body });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.push(`/admin/evals/runs/${result.value.run.id}`);
  }

  if (sets.length === 0) return null;
  return (
    <form
      aria-labelledby="start-run-heading"
      className="grid gap-4 rounded-xl border bg-card p-5"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <h2 id="start-run-heading" className="text-base font-semibold">
        Start a run
      </h2>
      {error ? <Alert>{error}</Alert> : null}
      <div className="grid gap-1.5">
        <Label htmlFor="run-set">Set</Label>
        <NativeSelect id="run-set" name="setId" required>
          {sets.map((set) => (
            <option key={set.id} value={set.id}>
              {set.name} ({set.itemCount} items)
            </option>
          ))}
        </NativeSelect>
      </div>
      <fieldset className="grid gap-1.5">
        <legend className="text-sm font-medium">Models (two or more)</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {models.map((model) => (
            <label key={model.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="modelIds" value={model.id} className="size-4" />
              {model.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <NumberField id="run-sample" name="sampleSize" label="Sample (blank: all)" min={1} step={1} />
        <NumberField id="run-temperature" name="temperature" label="Temperature" min={0} max={2} step={0.1} />
        <NumberField id="run-max-tokens" name="maxOutputTokens" label="Max tokens" min={1} step={1} />
        <NumberField id="run-concurrency" name="concurrency" label="Concurrency per model" min={1} max={16} step={1} defaultValue="2" />
        <NumberField id="run-cost-cap" name="costCapUsd" label="Cost cap (USD)" min={0.000001} step="any" />
        <NumberField id="run-tolerance" name="tolerance" label="Number tolerance" min={0} step="any" />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor="run-judge">Judge model (for model-graded items)</Label>
          <NativeSelect id="run-judge" name="judgeModelId" defaultValue="">
            <option value="">None</option>
            {models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="run-rubric">Judge rubric (blank: the default; {"{{input}}, {{ideal}}, {{answer}}"})</Label>
          <textarea id="run-rubric" name="rubric" rows={2} maxLength={10_000} className="rounded-md border border-input bg-card px-2.5 py-1.5 text-sm" />
        </div>
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? <Spinner /> : <Play aria-hidden="true" />}
          Start run
        </Button>
      </div>
    </form>
  );
}

function NumberField({
  id,
  label,
  ...props
}: {
  id: string;
  name: string;
  label: string;
  min?: number;
  max?: number;
  step: number | "any";
  defaultValue?: string;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} type="number" inputMode="decimal" {...props} />
    </div>
  );
}
