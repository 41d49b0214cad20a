import { toCsv } from "@/lib/usage/csv";
import { promptText } from "./eval-item";
import type { RunResults } from "./run-report";

/** One row per item and model: the prompt, the expected answers, the answer, the verdict and the measures. */
export function runResultsCsv(report: RunResults): string {
  const items = new Map(report.items.map((item) => [item.id, item]));
  const names = new Map(report.run.models.map((model) => [model.id, model.name]));
  const rows = report.results.map((result) => {
    const item = items.get(result.itemId);
    return [
      (item?.position ?? 0) + 1,
      item ? promptText(item.input) : "",
      item?.ideal.join(" | ") ?? "",
      item?.tags.join("; ") ?? "",
      names.get(result.modelId) ?? result.modelId,
      result.resultStatus === "done" ? (result.correct ? "correct" : "wrong") : result.resultStatus,
      result.answer,
      result.reason ?? result.error,
      result.ttftMs,
      result.totalMs,
      result.inputTokens,
      result.outputTokens,
      result.costUsd,
    ];
  });
  return toCsv(
    ["item", "prompt", "expected", "tags", "model", "verdict", "answer", "reason", "ttft_ms", "total_ms", "input_tokens", "output_tokens", "cost_usd"],
    rows,
  );
}
