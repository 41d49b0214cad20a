import type { Accuracy, ModelSummary } from "@/lib/evals/summary";

const percent = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)} %`);
const ms = (value: number | null) => (value === null ? "–" : `${Math.round(value).toLocaleString("en-US")} ms`);
const usd = (value: number | null) => (value === null ? "–" : `$${value < 0.01 ? value.toFixed(6) : value.toFixed(4)}`);

export function accuracyText(accuracy: Accuracy): string {
  if (accuracy.accuracy === null) return "–";
  return `${percent(accuracy.accuracy)} (${percent(accuracy.low)}–${percent(accuracy.high)})`;
}

/** Per model: accuracy with its Wilson 95 % interval, errors apart, latency percentiles, tokens, cost; then per tag. */
export function RunSummaryTable({ summary, names }: { summary: ModelSummary[]; names: Map<string, string> }) {
  const tags = [...new Set(summary.flatMap((model) => Object.keys(model.byTag)))].sort();
  const header = (label: string) => (
    <th key={label} scope="col" className="px-3 py-2.5 font-medium whitespace-nowrap">
      {label}
    </th>
  );
  return (
    <section aria-labelledby="run-summary-heading" className="grid gap-3">
      <h2 id="run-summary-heading" className="text-base font-semibold">
        Results per model
      </h2>
      <div className="overflow-x-auto rounded-xl border bg-card">
        <table className="w-full text-sm" data-testid="run-summary">
          <caption className="sr-only">Accuracy with its 95 % interval, errors, time, tokens and cost per model</caption>
          <thead className="border-b bg-muted/50 text-left text-xs text-muted-foreground">
            <tr>
              {header("Model")}
              {header("Accuracy (95 % CI)")}
              {header("Right / graded")}
              {header("Errors")}
              {header("TTFT p50 / p95")}
              {header("Total p50 / p95")}
              {header("Tokens in / out")}
              {header("Cost")}
              {header("Per item")}
              {header("Per 1,000")}
            </tr>
          </thead>
          <tbody>
            {summary.map((model) => (
              <tr key={model.modelId} className="border-b last:border-b-0">
                <th scope="row" className="min-w-40 px-3 py-2.5 text-left font-medium">
                  {names.get(model.modelId) ?? model.modelId}
                </th>
                <td className="px-3 py-2.5 tabular-nums whitespace-nowrap">{accuracyText(model)}</td>
                <td className="px-3 py-2.5 tabular-nums">
                  {model.correct} / {model.graded}
                </td>
                <td className="px-3 py-2.5 tabular-nums">{model.errors}</td>
                <td className="px-3 py-2.5 tabular-nums whitespace-nowrap">
                  {ms(model.ttftP50)} / {ms(model.ttftP95)}
                </td>
                <td className="px-3 py-2.5 tabular-nums whitespace-nowrap">
                  {ms(model.totalP50)} / {ms(model.totalP95)}
                </td>
                <td className="px-3 py-2.5 tabular-nums whitespace-nowrap">
                  {model.inputTokens.toLocaleString("en-US")} / {model.outputTokens.toLocaleString("en-US")}
                </td>
                <td className="px-3 py-2.5 tabular-nums">{usd(model.costUsd)}</td>
                <td className="px-3 py-2.5 tabular-nums">{usd(model.costPerItemUsd)}</td>
                <td className="px-3 py-2.5 tabular-nums">{usd(model.costPer1000Usd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {tags.length > 0 ? (
        <div className="overflow-x-auto rounded-xl border bg-card">
          <table className="w-full text-sm">
            <caption className="sr-only">Accuracy per tag and model</caption>
            <thead className="border-b bg-muted/50 text-left text-xs text-muted-foreground">
              <tr>
                {header("Tag")}
                {summary.map((model) => header(names.get(model.modelId) ?? model.modelId))}
              </tr>
            </thead>
            <tbody>
              {tags.map((tag) => (
                <tr key={tag} className="border-b last:border-b-0">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {tag}
                  </th>
                  {summary.map((model) => {
                    const accuracy = model.byTag[tag];
                    return (
                      <td key={model.modelId} className="px-3 py-2 tabular-nums whitespace-nowrap">
                        {accuracy ? `${accuracyText(accuracy)} · n=${accuracy.graded}` : "–"}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
