import "server-only";
import { unvotedArenaConversationIds, usageOutsideConversations } from "./arena-battles";
import { getDb } from "./client";

// Every figure is a sum of stored UsageRecord rows: token counts as recorded, costs as fixed when each call was made.

export interface UsageTotals {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  costUsd: number;
}

/** [from, to): from inclusive, to exclusive. */
export interface UsagePeriod {
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

/**
 * Stored costs are whole billionths of a dollar (recordUsage); a sum of floats drifts far less than half of one, so
 * rounding the sum to nine decimals gives the exact total whatever order the database added the rows in.
 */
export function roundUsd(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

type Aggregate = { _count: { _all: number } | number; _sum: { inputTokens: number | null; outputTokens: number | null; costUsd: number | null } };

function totalsOf(aggregate: Aggregate): UsageTotals {
  const inputTokens = aggregate._sum.inputTokens ?? 0;
  const outputTokens = aggregate._sum.outputTokens ?? 0;
  const requests = typeof aggregate._count === "number" ? aggregate._count : aggregate._count._all;
  return { requests, inputTokens, outputTokens, totalTokens: inputTokens + outputTokens, costUsd: roundUsd(aggregate._sum.costUsd ?? 0) };
}

const sums = { _count: { _all: true }, _sum: { inputTokens: true, outputTokens: true, costUsd: true } } as const;

function inPeriod(period: UsagePeriod, userId?: string) {
  return { createdAt: { gte: period.from, lt: period.to }, ...(userId ? { userId } : {}) };
}

export async function getUsageTotals({ period, userId }: { period: UsagePeriod; userId?: string }): Promise<UsageTotals> {
  return totalsOf(await getDb().usageRecord.aggregate({ where: inPeriod(period, userId), ...sums }));
}

/** One entry per UTC day of the period, days without usage included (as zeros). */
export async function getUsageByDay({ period, userId }: { period: UsagePeriod; userId?: string }) {
  const days: Date[] = [];
  for (let day = period.from.getTime(); day < period.to.getTime(); day += DAY_MS) days.push(new Date(day));
  // One indexed aggregate per day keeps the sums in the database and the SQL the same on SQLite and PostgreSQL.
  return Promise.all(
    days.map(async (day) => {
      const to = new Date(Math.min(day.getTime() + DAY_MS, period.to.getTime()));
      const totals = await getUsageTotals({ period: { from: day, to }, userId });
      return { day: day.toISOString().slice(0, 10), ...totals };
    }),
  );
}

function byTokensThenCost(a: UsageTotals, b: UsageTotals) {
  return b.totalTokens - a.totalTokens || b.costUsd - a.costUsd;
}

export async function getUsageByModel({ period, userId }: { period: UsagePeriod; userId?: string }) {
  const db = getDb();
  // A user's own figures leave out their blind battles not voted on yet: by model, they would name the two models.
  const arenaUsage = userId ? usageOutsideConversations(await unvotedArenaConversationIds(userId)) : {};
  const groups = await db.usageRecord.groupBy({ by: ["modelId"], where: { ...inPeriod(period, userId), ...arenaUsage }, ...sums });
  const ids = groups.flatMap((group) => (group.modelId ? [group.modelId] : []));
  const models = await db.model.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const nameById = new Map(models.map((model) => [model.id, model.name]));
  return groups
    .map((group) => ({
      modelId: group.modelId,
      name: group.modelId ? (nameById.get(group.modelId) ?? group.modelId) : "Deleted models",
      ...totalsOf(group),
    }))
    .sort(byTokensThenCost);
}

/** Users by tokens used, most first (`take` of them). */
export async function getUsageByUser({ period, take = 10 }: { period: UsagePeriod; take?: number }) {
  const db = getDb();
  const groups = await db.usageRecord.groupBy({ by: ["userId"], where: inPeriod(period), ...sums });
  const top = groups
    .map((group) => ({ userId: group.userId, ...totalsOf(group) }))
    .sort(byTokensThenCost)
    .slice(0, take);
  const users = await db.user.findMany({ where: { id: { in: top.map((row) => row.userId) } }, select: { id: true, email: true, name: true } });
  const userById = new Map(users.map((user) => [user.id, user]));
  return top.map((row) => ({ ...row, email: userById.get(row.userId)?.email ?? "(deleted user)", name: userById.get(row.userId)?.name ?? null }));
}

/** Each group's members' usage added up (a user in two groups counts in both); groups without usage are left out. */
export async function getUsageByGroup({ period }: { period: UsagePeriod }) {
  const db = getDb();
  const groups = await db.group.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  const rows = await Promise.all(
    groups.map(async (group) => {
      const aggregate = await db.usageRecord.aggregate({ where: { ...inPeriod(period), user: { memberships: { some: { groupId: group.id } } } }, ...sums });
      return { groupId: group.id, name: group.name, ...totalsOf(aggregate) };
    }),
  );
  return rows.filter((row) => row.requests > 0).sort(byTokensThenCost);
}
