import type { Metadata } from "next";
import { BarChart } from "@/components/usage/bar-chart";
import { MyLimits } from "@/components/usage/my-limits";
import { UsageBreakdownTable } from "@/components/usage/usage-breakdown-table";
import { formatCompact, formatDay, formatUsd } from "@/components/usage/usage-format";
import { UsageTotalsList } from "@/components/usage/usage-totals";
import { requireUser } from "@/lib/auth/session";
import { getUsageByDay, getUsageByModel, getUsageTotals } from "@/lib/db/usage-stats";
import { startOfNextUtcDay, startOfUtcMonth } from "@/lib/quota/periods";
import { getQuotaStatus } from "@/lib/quota/quota-status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your usage" };

const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** The signed-in user's own usage this month and the limits that apply to them. */
export default async function MyUsagePage() {
  const user = await requireUser("/usage");
  const now = new Date();
  // This month so far: from the 1st (UTC) through today.
  const period = { from: startOfUtcMonth(now), to: startOfNextUtcDay(now) };
  const [totals, byDay, byModel, limits] = await Promise.all([
    getUsageTotals({ period, userId: user.id }),
    getUsageByDay({ period, userId: user.id }),
    getUsageByModel({ period, userId: user.id }),
    getQuotaStatus(user.id, now),
  ]);
  const days = byDay.map((row) => ({ label: formatDay(row.day), tokens: row.totalTokens, cost: row.costUsd }));

  return (
    <div className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:px-6 sm:py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Your usage</h1>
      <p className="mt-1.5 text-sm text-muted-foreground">{monthName.format(now)} so far (days in UTC), and the limits that apply to you.</p>

      <section aria-labelledby="my-limits" className="mt-8 space-y-3">
        <h2 id="my-limits" className="text-base font-semibold">
          Your limits
        </h2>
        <MyLimits limits={limits} />
      </section>

      <section aria-labelledby="my-month" className="mt-8 space-y-4">
        <h2 id="my-month" className="text-base font-semibold">
          This month
        </h2>
        <UsageTotalsList totals={totals} label="Your totals this month" />
        <div className="grid gap-4 md:grid-cols-2">
          <BarChart
            title="Your tokens per day"
            labelHeader="Day"
            layout="columns"
            data={days.map((day) => ({ label: day.label, value: day.tokens }))}
            format={formatCompact}
          />
          <BarChart
            title="Your cost per day"
            labelHeader="Day"
            layout="columns"
            data={days.map((day) => ({ label: day.label, value: day.cost }))}
            format={formatUsd}
          />
        </div>
        <UsageBreakdownTable caption="By model" labelHeader="Model" rows={byModel.map((row) => ({ ...row, key: row.modelId ?? "deleted", label: row.name }))} />
      </section>
    </div>
  );
}
