import type { UsageTotals } from "@/lib/db/usage-stats";
import { formatCount, formatUsd } from "./usage-format";

type Row = UsageTotals & { key: string; label: string; sublabel?: string | null };

/** Requests, tokens and cost per model, user or group, in one table. */
export function UsageBreakdownTable({ caption, labelHeader, rows }: { caption: string; labelHeader: string; rows: Row[] }) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="overflow-x-auto rounded-xl border bg-card shadow-sm focus-visible:outline-2 focus-visible:outline-ring"
    >
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="px-4 pt-4 pb-2 text-left text-sm font-semibold sm:px-5">{caption}</caption>
        <thead className="border-y bg-muted/60 text-[13px] text-muted-foreground">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium sm:px-5">
              {labelHeader}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Requests
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Input tokens
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Output tokens
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium sm:px-5">
              Cost
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} className="px-4 py-6 text-center text-muted-foreground sm:px-5">
                No usage in this period.
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.key} className="border-t first:border-t-0">
              <th scope="row" className="max-w-64 px-4 py-2 font-normal sm:px-5">
                <span className="block truncate font-medium">{row.label}</span>
                {row.sublabel && <span className="block truncate text-xs text-muted-foreground">{row.sublabel}</span>}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{formatCount(row.requests)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatCount(row.inputTokens)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatCount(row.outputTokens)}</td>
              <td className="px-4 py-2 text-right tabular-nums sm:px-5">{formatUsd(row.costUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
