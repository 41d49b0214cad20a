import "server-only";
import { getDb } from "./client";

/** The four limits of one quota; null is unlimited. */
export interface QuotaLimits {
  requestsPerMinute: number | null;
  tokensPerDay: number | null;
  tokensPerMonth: number | null;
  costPerMonthUsd: number | null;
}

export type QuotaOwner = { kind: "user" } | { kind: "group"; groupId: string; name: string };

export interface OwnedQuota {
  owner: QuotaOwner;
  limits: QuotaLimits;
}

const limitFields = { requestsPerMinute: true, tokensPerDay: true, tokensPerMonth: true, costPerMonthUsd: true } as const;

function hasAnyLimit(limits: QuotaLimits): boolean {
  return Object.values(limits).some((value) => value !== null);
}

/**
 * The user's own quota and the quota of each group they belong to (every one of them applies). Asked before every
 * answer: one raw query with the group names (README: Load).
 */
export async function getQuotasForUser({ userId }: { userId: string }): Promise<OwnedQuota[]> {
  const rows = await getDb().$queryRaw<(QuotaLimits & { userId: string | null; groupId: string | null; groupName: string | null })[]>`
    SELECT q."requestsPerMinute", q."tokensPerDay", q."tokensPerMonth", q."costPerMonthUsd", q."userId", q."groupId", g."name" AS "groupName"
    FROM "Quota" AS q LEFT JOIN "Group" AS g ON g."id" = q."groupId"
    WHERE q."userId" = ${userId} OR q."groupId" IN (SELECT m."groupId" FROM "GroupMember" AS m WHERE m."userId" = ${userId})`;
  return rows.map(
    ({ userId: ownerId, groupId, groupName, ...limits }): OwnedQuota => ({
      owner: ownerId || !groupId || groupName === null ? { kind: "user" } : { kind: "group", groupId, name: groupName },
      limits,
    }),
  );
}

export async function listUserQuotas() {
  const rows = await getDb().quota.findMany({
    where: { userId: { not: null } },
    select: { ...limitFields, updatedAt: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: { updatedAt: "desc" },
  });
  return rows.flatMap(({ user, updatedAt, ...limits }) => (user ? [{ user, limits, updatedAt }] : []));
}

/** Every group, with its quota when it has one. */
export async function listGroupsWithQuotas() {
  const groups = await getDb().group.findMany({
    select: { id: true, name: true, source: true, _count: { select: { members: true } }, quota: { select: limitFields } },
    orderBy: { name: "asc" },
  });
  return groups.map(({ _count, quota, ...group }) => ({ ...group, memberCount: _count.members, limits: quota ?? null }));
}

/** Sets a user's or a group's limits; all-unlimited removes the quota. Null when the user or group does not exist. */
export async function saveQuota({ owner, limits }: { owner: { userId: string } | { groupId: string }; limits: QuotaLimits }) {
  const db = getDb();
  const exists = "userId" in owner ? await db.user.count({ where: { id: owner.userId } }) : await db.group.count({ where: { id: owner.groupId } });
  if (!exists) return null;
  if (!hasAnyLimit(limits)) {
    await db.quota.deleteMany({ where: owner });
    return { removed: true };
  }
  await db.quota.upsert({ where: owner, create: { ...owner, ...limits }, update: limits });
  return { removed: false };
}

/** Users whose email or name contains `query`, for picking whom to limit. */
export async function searchUsersByText({ query, take = 10 }: { query: string; take?: number }) {
  return getDb().user.findMany({
    where: { OR: [{ email: { contains: query.toLowerCase() } }, { name: { contains: query } }] },
    select: { id: true, email: true, name: true, quota: { select: limitFields } },
    orderBy: { email: "asc" },
    take,
  });
}
