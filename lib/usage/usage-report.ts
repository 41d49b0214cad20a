import "server-only";
import { getUsageByDay, getUsageByGroup, getUsageByModel, getUsageByUser, getUsageTotals, type UsagePeriod } from "@/lib/db/usage-stats";

/** Everything the admin usage dashboard shows for one period. */
export async function getUsageReport(period: UsagePeriod) {
  const [totals, byDay, byModel, byUser, byGroup] = await Promise.all([
    getUsageTotals({ period }),
    getUsageByDay({ period }),
    getUsageByModel({ period }),
    getUsageByUser({ period, take: 10 }),
    getUsageByGroup({ period }),
  ]);
  return { totals, byDay, byModel, byUser, byGroup };
}

export type UsageReport = Awaited<ReturnType<typeof getUsageReport>>;
