import { AdminSection } from "@/components/admin/admin-section";
import type { PrivacyWeek } from "@/lib/db/privacy-overview";
import { findingTypeName } from "@/lib/privacy/describe";
import type { FindingType } from "@/lib/privacy/types";

const cell = "px-3 py-2 text-left align-top";

function total(counts: Partial<Record<FindingType, number>>): number {
  return Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0);
}

function byType(week: PrivacyWeek): string {
  const entries = Object.entries(week.findings) as [FindingType, number][];
  return (
    entries
      .sort((a, b) => b[1] - a[1])
      .map(([type, count]) => `${findingTypeName(type)}: ${count}${week.blocked[type] ? ` (${week.blocked[type]} blocked)` : ""}`)
      .join("; ") || "—"
  );
}

/** Findings the guard acted on per week, by type, from the audit log (types and counts only). */
export function PrivacyWeeklyCounts({ weeks }: { weeks: PrivacyWeek[] }) {
  return (
    <AdminSection
      id="privacy-weeks"
      title="Findings per week"
      description="Findings in requests that were blocked, confirmed after a warning or sent with placeholders (weeks start on Monday, UTC). Warnings nobody confirmed are not counted."
    >
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-sm" data-testid="privacy-weeks">
          <thead className="border-b border-border text-xs text-muted-foreground">
            <tr>
              <th scope="col" className={cell}>
                Week of
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Findings
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Blocked requests
              </th>
              <th scope="col" className={cell}>
                By type
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart} className="border-b border-border last:border-0">
                <th scope="row" className={`${cell} font-medium tabular-nums`}>
                  {week.weekStart}
                </th>
                <td className={`${cell} text-right tabular-nums`}>{total(week.findings)}</td>
                <td className={`${cell} text-right tabular-nums`}>{week.blockedRequests}</td>
                <td className={cell}>{byType(week)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminSection>
  );
}
