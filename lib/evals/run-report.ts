import "server-only";
import { getEvalSet, listEvalItems, type StoredEvalItem } from "@/lib/db/evals";
import { countEvalResults, type EvalResultRow, type EvalRunRow, getEvalRun, listEvalResults } from "@/lib/db/evals-runs";
import { type ModelProgress, type ModelSummary, progressOf, summarizeResults } from "./summary";

export interface RunProgress {
  run: Omit<EvalRunRow, "rubric">;
  setName: string;
  progress: ModelProgress[];
}

/** The run with its progress per model (done / total, errors, ETA); null when there is none. */
export async function getRunProgress(runId: string, now = Date.now()): Promise<RunProgress | null> {
  const run = await getEvalRun(runId);
  if (!run) return null;
  const set = await getEvalSet(run.setId);
  const counts = await countEvalResults(runId);
  const since = run.startedAt?.getTime() ?? now;
  const { rubric: _rubric, ...shown } = run;
  return {
    run: shown,
    setName: set?.name ?? "",
    progress: progressOf(
      run.models.map((model) => model.id),
      counts,
      (run.finishedAt?.getTime() ?? now) - since,
    ),
  };
}

export interface RunResults extends RunProgress {
  summary: ModelSummary[];
  items: StoredEvalItem[];
  results: EvalResultRow[];
}

/** Everything the results page and the exports show. */
export async function getRunResults(runId: string): Promise<RunResults | null> {
  const progress = await getRunProgress(runId);
  if (!progress) return null;
  const results = await listEvalResults(runId);
  const itemIds = new Set(results.map((result) => result.itemId));
  const items = (await listEvalItems(progress.run.setId)).filter((item) => itemIds.has(item.id));
  const tagsByItem = new Map(items.map((item) => [item.id, item.tags]));
  const summary = summarizeResults(
    progress.run.models.map((model) => model.id),
    results,
    tagsByItem,
  );
  return { ...progress, summary, items, results };
}
