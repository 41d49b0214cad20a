import "server-only";
import { getQuotasForUser } from "@/lib/db/quotas";
import { getUsageTotals } from "@/lib/db/usage-stats";
import { quotaClock } from "./clock";
import { type EffectiveLimit, effectiveLimits, type LimitName } from "./effective-limits";
import { startOfNextUtcDay, startOfNextUtcMonth, startOfUtcDay, startOfUtcMonth } from "./periods";

export interface LimitStatus {
  name: LimitName;
  limit: EffectiveLimit;
  /** Null for requests per minute (a moving count not worth a query). */
  used: number | null;
  remaining: number | null;
  resetsAt: Date | null;
}

/** The limits that apply to the user, with what is used and left of each, for their usage page. */
export async function getQuotaStatus(userId: string, now = quotaClock.now()): Promise<LimitStatus[]> {
  const limits = effectiveLimits(await getQuotasForUser({ userId }));
  const day = await getUsageTotals({ userId, period: { from: startOfUtcDay(now), to: startOfNextUtcDay(now) } });
  const month = await getUsageTotals({ userId, period: { from: startOfUtcMonth(now), to: startOfNextUtcMonth(now) } });
  const usedByName: Record<LimitName, { used: number; resetsAt: Date } | null> = {
    requestsPerMinute: null,
    tokensPerDay: { used: day.totalTokens, resetsAt: startOfNextUtcDay(now) },
    tokensPerMonth: { used: month.totalTokens, resetsAt: startOfNextUtcMonth(now) },
    costPerMonthUsd: { used: month.costUsd, resetsAt: startOfNextUtcMonth(now) },
  };
  return (Object.keys(limits) as LimitName[]).flatMap((name) => {
    const limit = limits[name];
    if (!limit) return [];
    const usage = usedByName[name];
    return [{ name, limit, used: usage?.used ?? null, remaining: usage ? Math.max(0, limit.value - usage.used) : null, resetsAt: usage?.resetsAt ?? null }];
  });
}
