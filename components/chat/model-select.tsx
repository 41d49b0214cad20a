import { ChevronDown } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import type { ModelOption } from "@/lib/chat/types";
import { BoundaryBadge } from "./boundary-badge";
import { DemoBadge } from "./demo-badge";
import { modelOptionLabel } from "./model-label";

type ModelSelectProps = { models: ModelOption[]; value: string; onChange: (modelId: string) => void };

/** The model the next message goes to: only the models this user may use. */
export function ModelSelect({ models, value, onChange }: ModelSelectProps) {
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  const selected = models.find((model) => model.id === value);

  // A choice made before the page became interactive is in the field but not yet in state (checked once, on mount).
  const initial = useRef({ value, onChange });
  useEffect(() => {
    const chosenEarly = select.current?.value;
    if (chosenEarly && chosenEarly !== initial.current.value) initial.current.onChange(chosenEarly);
  }, []);
  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Model
      </label>
      <div className="relative min-w-0">
        <select
          ref={select}
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className="h-8 max-w-64 min-w-0 cursor-pointer appearance-none truncate field-sizing-content rounded-lg bg-transparent pr-7 pl-2.5 text-[13px] font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          {models.map((model) => (
            <option key={model.id} value={model.id}>
              {modelOptionLabel(model)}
            </option>
          ))}
        </select>
        <ChevronDown aria-hidden="true" className="pointer-events-none absolute top-1/2 right-2 size-3.5 -translate-y-1/2 text-muted-foreground" />
      </div>
      {selected?.boundary && <BoundaryBadge boundary={selected.boundary} />}
      {selected?.demo && <DemoBadge className="hidden sm:inline-flex" />}
    </div>
  );
}
