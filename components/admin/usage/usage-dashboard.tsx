import { BarChart } from "@/components/usage/bar-chart";
import { UsageBreakdownTable } from "@/components/usage/usage-breakdown-table";
import { formatCompact, formatCount, formatDay, formatUsd } from "@/components/usage/usage-format";
import { UsageTotalsList } from "@/components/usage/usage-totals";
import type { UsageReport } from "@/lib/usage/usage-report";

/** The admin usage page's figures for one period: totals, charts by day, then by model, user and group. */
export function UsageDashboard({ report, days }: { report: UsageReport; days: number }) {
  const byDay = (pick: (row: UsageReport["byDay"][number]) => number) => report.byDay.map((row) => ({ label: formatDay(row.day), value: pick(row) }));
  return (
    <div className="space-y-6">
      <UsageTotalsList totals={report.totals} label={`Totals of the last ${days} days`} />

      <div className="grid gap-4 lg:grid-cols-3">
        <BarChart title="Requests per day" labelHeader="Day" layout="columns" data={byDay((row) => row.requests)} format={formatCount} />
        <BarChart title="Tokens per day" labelHeader="Day" layout="columns" data={byDay((row) => row.totalTokens)} format={formatCompact} />
        <BarChart title="Cost per day" labelHeader="Day" layout="columns" data={byDay((row) => row.costUsd)} format={formatUsd} />
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <BarChart
          title="Tokens by model"
          labelHeader="Model"
          layout="rows"
          data={report.byModel.map((row) => ({ label: row.name, value: row.totalTokens }))}
          format={formatCompact}
        />
        <BarChart
          title="Tokens by user (top 10)"
          labelHeader="User"
          layout="rows"
          data={report.byUser.map((row) => ({ label: row.email, value: row.totalTokens }))}
          format={formatCompact}
        />
        <BarChart
          title="Tokens by group"
          labelHeader="Group"
          layout="rows"
          data={report.byGroup.map((row) => ({ label: row.name, value: row.totalTokens }))}
          format={formatCompact}
          emptyText="No group members used the chat in this period."
        />
      </div>

      <UsageBreakdownTable
        caption="Top users"
        labelHeader="User"
        rows={report.byUser.map((row) => ({ ...row, key: row.userId, label: row.name ?? row.email, sublabel: row.name ? row.email : null }))}
      />
      <UsageBreakdownTable
        caption="By model"
        labelHeader="Model"
        rows={report.byModel.map((row) => ({ ...row, key: row.modelId ?? "deleted", label: row.name }))}
      />
      <div>
        <UsageBreakdownTable caption="By group" labelHeader="Group" rows={report.byGroup.map((row) => ({ ...row, key: row.groupId, label: row.name }))} />
        <p className="mt-2 text-xs text-muted-foreground">A group adds up its members&apos; usage; someone in two groups counts in both.</p>
      </div>
    </div>
  );
}
