import type { UsageTotals } from "@/lib/db/usage-stats";
import { formatCount, formatUsd } from "./usage-format";

/** The period's four headline figures, as a description list. */
export function UsageTotalsList({ totals, label }: { totals: UsageTotals; label: string }) {
  const items = [
    { term: "Requests", value: formatCount(totals.requests), note: "Backend calls, titles included" },
    { term: "Input tokens", value: formatCount(totals.inputTokens), note: "Prompts sent" },
    { term: "Output tokens", value: formatCount(totals.outputTokens), note: "Answers received" },
    { term: "Cost", value: formatUsd(totals.costUsd), note: "At each model's prices when used" },
  ];
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
      {items.map((item) => (
        <div key={item.term} className="rounded-xl border bg-card p-4 shadow-sm sm:p-5">
          <dt className="text-sm font-medium text-muted-foreground">{item.term}</dt>
          <dd className="mt-2">
            <span className="block text-2xl font-semibold tracking-tight tabular-nums">{item.value}</span>
            <span className="mt-1 block text-xs text-muted-foreground">{item.note}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
