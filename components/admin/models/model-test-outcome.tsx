import { CircleCheck, CircleX } from "lucide-react";
import { Spinner } from "@/components/ui/spinner";
import type { ModelTestState } from "./use-model-test";

/** The Test's progress and result; a live region, so screen readers hear how it went. */
export function ModelTestOutcome({ state, modelName }: { state: ModelTestState; modelName: string }) {
  return (
    <div role="status" aria-label={`Test of ${modelName}`} className="empty:hidden">
      {state.status === "running" ? (
        <p className="mt-3 flex items-center gap-2 text-sm text-muted-foreground">
          <Spinner />
          Sending “Say hello in five words.”…
        </p>
      ) : null}
      {state.status === "done" && state.result.ok ? (
        <div className="mt-3 flex items-start gap-2 rounded-lg border border-success/30 bg-success/10 px-3 py-2 text-sm">
          <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success" />
          <p className="min-w-0">
            <span className="font-medium">Answered in {state.result.latencyMs} ms:</span>{" "}
            <span className="break-words">“{state.result.text || "(empty answer)"}”</span>
          </p>
        </div>
      ) : null}
      {state.status === "done" && !state.result.ok ? (
        <div className="mt-3 flex items-start gap-2 rounded-lg border border-destructive-border bg-destructive-soft px-3 py-2 text-sm text-destructive">
          <CircleX aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <p className="min-w-0 break-words">
            <span className="font-medium">Failed after {state.result.latencyMs} ms:</span> {state.result.error}
          </p>
        </div>
      ) : null}
      {state.status === "failed" ? <p className="mt-3 text-sm text-destructive">{state.message}</p> : null}
    </div>
  );
}
