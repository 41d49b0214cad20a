import "server-only";
import { getDb } from "./client";
import { isUniqueViolation } from "./errors";
import type { Role } from "./users";

export type GroupSource = "idp" | "local";

export type GroupSummary = {
  id: string;
  name: string;
  source: GroupSource;
  role: Role | null;
  /** Members may run evaluations without being admins. */
  evaluator: boolean;
  memberCount: number;
  createdAt: string;
};

export type GroupMemberRow = { userId: string; email: string; name: string | null; source: GroupSource };

function toSource(value: string): GroupSource {
  return value === "idp" ? "idp" : "local";
}

export async function listGroups(): Promise<GroupSummary[]> {
  const groups = await getDb().group.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { members: true } } },
  });
  return groups.map((group) => ({
    id: group.id,
    name: group.name,
    source: toSource(group.source),
    role: group.role,
    evaluator: group.evaluator,
    memberCount: group._count.members,
    createdAt: group.createdAt.toISOString(),
  }));
}

export async function getGroupById({ id }: { id: string }) {
  return getDb().group.findUnique({ where: { id } });
}

export async function listGroupMembers({ groupId }: { groupId: string }): Promise<GroupMemberRow[]> {
  const members = await getDb().groupMember.findMany({
    where: { groupId },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { user: { email: "asc" } },
  });
  return members.map((member) => ({ userId: member.userId, email: member.user.email, name: member.user.name, source: toSource(member.source) }));
}

/** Creates a local group; a name already taken throws Prisma's unique violation (P2002). */
export async function createLocalGroup({ name, role }: { name: string; role: Role | null }) {
  return getDb().group.create({ data: { name, role, source: "local" } });
}

/**
 * Renames (local groups only: an IdP group's name is its claim value) or changes the role mapping. Mapping a group to
 * admin promotes its current members at once; removing the mapping demotes nobody (their stored role stays).
 */
export async function updateGroup({ id, name, role, evaluator }: { id: string; name?: string; role?: Role | null; evaluator?: boolean }) {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const group = await tx.group.update({
      where: { id },
      data: { ...(name !== undefined && { name }), ...(role !== undefined && { role }), ...(evaluator !== undefined && { evaluator }) },
    });
    if (role === "admin") await tx.user.updateMany({ where: { memberships: { some: { groupId: id } } }, data: { role: "admin" } });
    return group;
  });
}

export async function deleteGroup({ id }: { id: string }) {
  await getDb().group.delete({ where: { id } });
}

/** Adds a local membership (kept across sign-ins); members of a group mapped to admin become admin now. */
export async function addGroupMember({ groupId, userId }: { groupId: string; userId: string }) {
  const db = getDb();
  await db.$transaction(async (tx) => {
    const group = await tx.group.findUniqueOrThrow({ where: { id: groupId } });
    await tx.groupMember.upsert({
      where: { groupId_userId: { groupId, userId } },
      create: { groupId, userId, source: "local" },
      update: { source: "local" },
    });
    if (group.role === "admin") await tx.user.update({ where: { id: userId }, data: { role: "admin" } });
  });
}

export async function removeGroupMember({ groupId, userId }: { groupId: string; userId: string }) {
  const { count } = await getDb().groupMember.deleteMany({ where: { groupId, userId } });
  return count > 0;
}

/**
 * Makes the user's IdP memberships exactly the groups in `names` (creating IdP groups as needed) and keeps the
 * memberships an admin added here. Returns the roles the user's groups map to, local ones included.
 */
export async function syncIdpGroupMemberships({ userId, names }: { userId: string; names: string[] }): Promise<Role[]> {
  try {
    return await replaceIdpMemberships(userId, names);
  } catch (error) {
    // Two first sign-ins can create the same new group at once: the loser finds it on a second try.
    if (!isUniqueViolation(error)) throw error;
    return replaceIdpMemberships(userId, names);
  }
}

async function replaceIdpMemberships(userId: string, names: string[]): Promise<Role[]> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const groupIds: string[] = [];
    for (const name of names) {
      const group = await tx.group.upsert({ where: { name }, create: { name, source: "idp" }, update: {} });
      groupIds.push(group.id);
      await tx.groupMember.upsert({
        where: { groupId_userId: { groupId: group.id, userId } },
        create: { groupId: group.id, userId, source: "idp" },
        update: {},
      });
    }
    await tx.groupMember.deleteMany({ where: { userId, source: "idp", groupId: { notIn: groupIds } } });
    const mapped = await tx.group.findMany({ where: { members: { some: { userId } }, role: { not: null } }, select: { role: true } });
    return mapped.flatMap((group) => (group.role ? [group.role] : []));
  });
}
