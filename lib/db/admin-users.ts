import "server-only";
import { currentDatabaseTarget, getDb } from "./client";
import type { Role, UserStatus } from "./users";

export const USERS_PAGE_SIZE = 25;

export type AdminUserRow = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  status: UserStatus;
  groups: { id: string; name: string; source: string }[];
  hasPassword: boolean;
  lastActiveAt: string | null;
  createdAt: string;
  tokensThisMonth: number;
  costThisMonthUsd: number;
};

export type AdminUserPage = { users: AdminUserRow[]; total: number; page: number; pageSize: number; pendingCount: number };

export function startOfMonthUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

function textMatch(query: string) {
  // SQLite's LIKE is already case-insensitive for ASCII and Prisma rejects `mode` there.
  return currentDatabaseTarget().provider === "postgres" ? { contains: query, mode: "insensitive" as const } : { contains: query };
}

/** One page of users for the admin list, newest first, pending users on top, with groups and this month's usage. */
export async function listUsersForAdmin({
  query,
  role,
  status,
  page = 1,
  pageSize = USERS_PAGE_SIZE,
}: {
  query?: string;
  role?: Role;
  status?: UserStatus;
  page?: number;
  pageSize?: number;
}): Promise<AdminUserPage> {
  const db = getDb();
  const search = query?.trim();
  const where = {
    ...(role && { role }),
    ...(status && { status }),
    ...(search && { OR: [{ email: textMatch(search.toLowerCase()) }, { name: textMatch(search) }] }),
  };
  const [total, pendingCount, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.count({ where: { status: "pending" } }),
    db.user.findMany({
      where,
      orderBy: [{ status: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        status: true,
        passwordHash: true,
        lastActiveAt: true,
        createdAt: true,
        memberships: { select: { group: { select: { id: true, name: true, source: true } } }, orderBy: { group: { name: "asc" } } },
      },
    }),
  ]);
  const usage = await db.usageRecord.groupBy({
    by: ["userId"],
    where: { userId: { in: rows.map((row) => row.id) }, createdAt: { gte: startOfMonthUtc() } },
    _sum: { inputTokens: true, outputTokens: true, costUsd: true },
  });
  const usageByUserId = new Map(usage.map((entry) => [entry.userId, entry._sum]));
  return {
    total,
    page,
    pageSize,
    pendingCount,
    users: rows.map((row) => {
      const sums = usageByUserId.get(row.id);
      return {
        id: row.id,
        email: row.email,
        name: row.name,
        role: row.role,
        status: row.status,
        groups: row.memberships.map((membership) => membership.group),
        hasPassword: row.passwordHash !== null,
        lastActiveAt: row.lastActiveAt?.toISOString() ?? null,
        createdAt: row.createdAt.toISOString(),
        tokensThisMonth: (sums?.inputTokens ?? 0) + (sums?.outputTokens ?? 0),
        costThisMonthUsd: sums?.costUsd ?? 0,
      };
    }),
  };
}

export class LastAdminError extends Error {}

/** Other active admins besides `userId`: a change that would leave none is refused. */
async function hasAnotherActiveAdmin(db: Pick<ReturnType<typeof getDb>, "user">, userId: string) {
  return (await db.user.count({ where: { role: "admin", status: "active", id: { not: userId } } })) > 0;
}

/** Changes a role; demoting the last active admin throws LastAdminError. */
export async function changeUserRole({ id, role }: { id: string; role: Role }) {
  return getDb().$transaction(async (tx) => {
    if (role !== "admin" && !(await hasAnotherActiveAdmin(tx, id))) {
      const user = await tx.user.findUniqueOrThrow({ where: { id } });
      if (user.role === "admin" && user.status === "active") throw new LastAdminError();
    }
    return tx.user.update({ where: { id }, data: { role } });
  });
}

/**
 * Disables, enables or approves a user. Anything but active deletes the user's sessions in the same transaction, so
 * they are signed out on their very next request. Disabling the last active admin throws LastAdminError.
 */
export async function changeUserStatus({ id, status }: { id: string; status: UserStatus }) {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id } });
    if (status !== "active" && user.role === "admin" && user.status === "active" && !(await hasAnotherActiveAdmin(tx, id))) {
      throw new LastAdminError();
    }
    if (status !== "active") await tx.session.deleteMany({ where: { userId: id } });
    return tx.user.update({ where: { id }, data: { status } });
  });
}

/**
 * Deletes a user and everything that is theirs in one transaction. Audit entries stay (their actor becomes null), so
 * the record of what the user did outlives them. Deleting the last active admin throws LastAdminError.
 */
export async function deleteUserWithData({ id }: { id: string }) {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id } });
    if (user.role === "admin" && user.status === "active" && !(await hasAnotherActiveAdmin(tx, id))) throw new LastAdminError();
    await tx.message.deleteMany({ where: { conversation: { userId: id } } });
    await tx.conversation.deleteMany({ where: { userId: id } });
    await tx.usageRecord.deleteMany({ where: { userId: id } });
    await tx.session.deleteMany({ where: { userId: id } });
    await tx.identity.deleteMany({ where: { userId: id } });
    await tx.groupMember.deleteMany({ where: { userId: id } });
    await tx.preset.deleteMany({ where: { userId: id } });
    await tx.quota.deleteMany({ where: { userId: id } });
    await tx.user.delete({ where: { id } });
    return user;
  });
}
