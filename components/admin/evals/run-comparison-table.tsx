import type { RunResults } from "@/lib/evals/run-report";
import { accuracyText } from "./run-summary-table";

const usd = (value: number | null) => (value === null ? "–" : `$${value.toFixed(4)}`);

/**
 * Two runs side by side, per model either ran: accuracy with its interval in each, the difference, and whether the
 * intervals leave it unclear (they overlap); cost per 1,000 items in each.
 */
export function RunComparisonTable({ a, b }: { a: RunResults; b: RunResults }) {
  const models = [...new Map([...a.run.models, ...b.run.models].map((model) => [model.id, model.name]))];
  const header = (label: string) => (
    <th key={label} scope="col" className="px-3 py-2.5 font-medium whitespace-nowrap">
      {label}
    </th>
  );
  return (
    <div className="overflow-x-auto rounded-xl border bg-card">
      <table className="w-full text-sm" data-testid="run-comparison">
        <caption className="sr-only">Accuracy and cost per model in both runs</caption>
        <thead className="border-b bg-muted/50 text-left text-xs text-muted-foreground">
          <tr>
            {header("Model")}
            {header("Accuracy, run A")}
            {header("Accuracy, run B")}
            {header("Difference (B − A)")}
            {header("Per 1,000, run A")}
            {header("Per 1,000, run B")}
          </tr>
        </thead>
        <tbody>
          {models.map(([id, name]) => {
            const left = a.summary.find((model) => model.modelId === id);
            const right = b.summary.find((model) => model.modelId === id);
            const both = left?.accuracy != null && right?.accuracy != null ? { left, right } : null;
            const overlap = both && (both.left.low ?? 0) <= (both.right.high ?? 1) && (both.right.low ?? 0) <= (both.left.high ?? 1);
            return (
              <tr key={id} className="border-b last:border-b-0">
                <th scope="row" className="px-3 py-2.5 text-left font-medium">
                  {name}
                </th>
                <td className="px-3 py-2.5 tabular-nums whitespace-nowrap">{left ? accuracyText(left) : "not in this run"}</td>
                <td className="px-3 py-2.5 tabular-nums whitespace-nowrap">{right ? accuracyText(right) : "not in this run"}</td>
                <td className="px-3 py-2.5 tabular-nums whitespace-nowrap">
                  {both ? `${(((both.right.accuracy ?? 0) - (both.left.accuracy ?? 0)) * 100).toFixed(1)} points${overlap ? " (intervals overlap)" : ""}` : "–"}
                </td>
                <td className="px-3 py-2.5 tabular-nums">{usd(left?.costPer1000Usd ?? null)}</td>
                <td className="px-3 py-2.5 tabular-nums">{usd(right?.costPer1000Usd ?? null)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
