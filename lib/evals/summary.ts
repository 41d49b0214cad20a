import { percentile, wilsonInterval } from "./stats";

// The figures of a run's results, computed from its rows (browser-safe, pure).

export interface ResultForSummary {
  itemId: string;
  modelId: string;
  resultStatus: "pending" | "done" | "error" | "skipped";
  correct: boolean | null;
  ttftMs: number | null;
  totalMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number;
}

export interface Accuracy {
  /** Graded answers: right plus wrong. Errors are not wrong answers and are counted apart. */
  graded: number;
  correct: number;
  /** correct / graded, null with nothing graded. */
  accuracy: number | null;
  /** Wilson 95 % interval of the accuracy. */
  low: number | null;
  high: number | null;
}

export interface ModelSummary extends Accuracy {
  modelId: string;
  errors: number;
  skipped: number;
  pending: number;
  ttftP50: number | null;
  ttftP95: number | null;
  totalP50: number | null;
  totalP95: number | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Cost per answered item (graded or failed), and the same for 1,000 items. */
  costPerItemUsd: number | null;
  costPer1000Usd: number | null;
  byTag: Record<string, Accuracy>;
}

export function accuracyOf(correct: number, graded: number): Accuracy {
  if (graded === 0) return { graded, correct, accuracy: null, low: null, high: null };
  const { low, high } = wilsonInterval(correct, graded);
  return { graded, correct, accuracy: correct / graded, low, high };
}

/** Per model, in the given order: accuracy with its interval, per tag, errors, latency percentiles, tokens and cost. */
export function summarizeResults(
  modelIds: readonly string[],
  results: readonly ResultForSummary[],
  tagsByItem: ReadonlyMap<string, readonly string[]>,
): ModelSummary[] {
  return modelIds.map((modelId) => {
    const mine = results.filter((result) => result.modelId === modelId);
    const graded = mine.filter((result) => result.resultStatus === "done" && result.correct !== null);
    const answered = mine.filter((result) => result.resultStatus === "done" || result.resultStatus === "error");
    const costUsd = mine.reduce((sum, result) => sum + result.costUsd, 0);
    const numbers = (pick: (result: ResultForSummary) => number | null) => answered.map(pick).filter((value): value is number => value !== null);
    const ttft = numbers((result) => result.ttftMs);
    const total = numbers((result) => result.totalMs);
    const tagCounts = new Map<string, { correct: number; graded: number }>();
    for (const result of graded) {
      for (const tag of tagsByItem.get(result.itemId) ?? []) {
        const counts = tagCounts.get(tag) ?? { correct: 0, graded: 0 };
        tagCounts.set(tag, { correct: counts.correct + (result.correct ? 1 : 0), graded: counts.graded + 1 });
      }
    }
    const costPerItemUsd = answered.length > 0 ? costUsd / answered.length : null;
    return {
      modelId,
      ...accuracyOf(graded.filter((result) => result.correct).length, graded.length),
      errors: mine.filter((result) => result.resultStatus === "error").length,
      skipped: mine.filter((result) => result.resultStatus === "skipped").length,
      pending: mine.filter((result) => result.resultStatus === "pending").length,
      ttftP50: percentile(ttft, 50),
      ttftP95: percentile(ttft, 95),
      totalP50: percentile(total, 50),
      totalP95: percentile(total, 95),
      inputTokens: answered.reduce((sum, result) => sum + (result.inputTokens ?? 0), 0),
      outputTokens: answered.reduce((sum, result) => sum + (result.outputTokens ?? 0), 0),
      costUsd,
      costPerItemUsd,
      costPer1000Usd: costPerItemUsd === null ? null : costPerItemUsd * 1000,
      byTag: Object.fromEntries([...tagCounts].sort(([a], [b]) => a.localeCompare(b)).map(([tag, counts]) => [tag, accuracyOf(counts.correct, counts.graded)])),
    };
  });
}

export interface ModelProgress {
  modelId: string;
  total: number;
  /** Finished: graded or failed. */
  done: number;
  errors: number;
  skipped: number;
  /** Seconds left at the pace so far; null before the first item or once nothing is pending. */
  etaSeconds: number | null;
}

/** Progress per model from the result counts, with an ETA from the pace since the run (re)started. */
export function progressOf(
  modelIds: readonly string[],
  counts: ReadonlyArray<{ modelId: string; status: ResultForSummary["resultStatus"]; count: number }>,
  elapsedMs: number,
): ModelProgress[] {
  return modelIds.map((modelId) => {
    const count = (status: ResultForSummary["resultStatus"]) =>
      counts.filter((entry) => entry.modelId === modelId && entry.status === status).reduce((sum, entry) => sum + entry.count, 0);
    const done = count("done") + count("error");
    const pending = count("pending");
    const total = done + pending + count("skipped");
    const etaSeconds = done > 0 && pending > 0 && elapsedMs > 0 ? Math.ceil(((elapsedMs / done) * pending) / 1000) : null;
    return { modelId, total, done, errors: count("error"), skipped: count("skipped"), etaSeconds };
  });
}
