"use client";

import { Download, Square } from "lucide-react";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { apiFetch, apiResult } from "@/lib/api/client";
import type { RunProgress, RunResults } from "@/lib/evals/run-report";
import { AccuracyCostChart } from "./accuracy-cost-chart";
import { RunItemsTable } from "./run-items-table";
import { RunSummaryTable } from "./run-summary-table";

const POLL_MS = 2_000;

/** A run's page: live progress per model while it runs (polled), then the results; cancel; CSV and JSON downloads. */
export function RunView({ initial }: { initial: RunResults }) {
  const [report, setReport] = useState(initial);
  const [progress, setProgress] = useState<RunProgress>(initial);
  const [error, setError] = useState<string | null>(null);
  const runId = initial.run.id;
  const running = progress.run.status === "running" || progress.run.status === "queued";

  useEffect(() => {
    if (!running) return;
    const controller = new AbortController();
    const timer = setInterval(async () => {
      try {
        const next = await apiFetch<RunProgress>(`/api/admin/evals/runs/${runId}`, { signal: controller.signal });
        // The final results before the status: a finished status ends this effect, which aborts what is in flight.
        if (next.run.status !== "running" && next.run.status !== "queued") {
          setReport(await apiFetch<RunResults>(`/api/admin/evals/runs/${runId}/results`, { signal: controller.signal }));
        }
        setProgress(next);
      } catch (caught) {
        if (!controller.signal.aborted) setError((caught as Error).message);
      }
    }, POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [running, runId]);

  async function cancel() {
    const result = await apiResult(`/api/admin/evals/runs/${runId}/cancel`, { method: "POST" });
    if (!result.ok) return setError(result.message);
    setReport(await apiFetch<RunResults>(`/api/admin/evals/runs/${runId}/results`));
    setProgress((current) => ({ ...current, run: { ...current.run, status: "cancelled" } }));
  }

  const names = new Map(progress.run.models.map((model) => [model.id, model.name]));
  return (
    <div className="grid gap-6">
      {error ? <Alert>{error}</Alert> : null}
      <section aria-labelledby="run-progress-heading" className="grid gap-3 rounded-xl border bg-card p-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="run-progress-heading" className="text-base font-semibold">
            Progress: <span data-testid="run-status">{progress.run.status}</span>
          </h2>
          <div className="flex flex-wrap gap-2">
            {running ? (
              <Button type="button" variant="secondary" onClick={() => void cancel()}>
                <Square aria-hidden="true" />
                Cancel run
              </Button>
            ) : null}
            <a href={`/api/admin/evals/runs/${runId}/export?format=csv`} download className={buttonClasses({ variant: "secondary" })}>
              <Download aria-hidden="true" />
              CSV
            </a>
            <a href={`/api/admin/evals/runs/${runId}/export?format=json`} download className={buttonClasses({ variant: "secondary" })}>
              <Download aria-hidden="true" />
              JSON
            </a>
          </div>
        </div>
        {progress.run.stopReason ? <p className="text-sm text-muted-foreground">{progress.run.stopReason}</p> : null}
        <ul className="grid gap-2">
          {progress.progress.map((model) => (
            <li key={model.modelId} data-testid="run-model-progress" className="grid gap-1">
              <div className="flex flex-wrap justify-between gap-2 text-sm">
                <span className="font-medium">{names.get(model.modelId) ?? model.modelId}</span>
                <span className="tabular-nums text-muted-foreground">
                  {model.done} / {model.total}
                  {model.errors > 0 ? ` · ${model.errors} errors` : ""}
                  {model.skipped > 0 ? ` · ${model.skipped} skipped` : ""}
                  {running && model.etaSeconds !== null ? ` · about ${formatSeconds(model.etaSeconds)} left` : ""}
                </span>
              </div>
              <progress className="h-2 w-full" max={model.total || 1} value={model.done} aria-label={`${names.get(model.modelId)} progress`} />
            </li>
          ))}
        </ul>
        <p className="text-xs text-muted-foreground tabular-nums">
          Cost so far ${progress.run.costUsd.toFixed(4)}
          {progress.run.costCapUsd !== null ? ` of a $${progress.run.costCapUsd} cap` : ""}.
        </p>
      </section>
      <RunSummaryTable summary={report.summary} names={names} />
      <AccuracyCostChart summary={report.summary} names={names} />
      <RunItemsTable report={report} names={names} />
    </div>
  );
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
