import "server-only";
import { getDb } from "./client";
import type { Prisma } from "./generated/sqlite";

export type ModelUser = { id: string; role: "admin" | "user" };

export type AccessGroup = { id: string; name: string };

/**
 * The models this user may chat with: enabled, and open to everyone (no access rows) or to one of the user's groups.
 * Admins may use every enabled model.
 */
export function usableModelsWhere(user: ModelUser): Prisma.ModelWhereInput {
  if (user.role === "admin") return { enabled: true };
  return {
    enabled: true,
    OR: [{ access: { none: {} } }, { access: { some: { group: { members: { some: { userId: user.id } } } } } }],
  };
}

/** Every group, by name, for the access picker. */
export async function listAccessGroups(): Promise<AccessGroup[]> {
  const rows = await getDb().group.findMany({ select: { id: true, name: true } });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
}

/** The groups among `groupIds` that exist; the caller refuses the request when some are missing. */
export async function findAccessGroups(groupIds: string[]): Promise<AccessGroup[]> {
  if (groupIds.length === 0) return [];
  return getDb().group.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } });
}

/** Replaces who may use the model: no groups opens it to everyone. */
export async function setModelAccessGroups(modelId: string, groupIds: string[]): Promise<void> {
  const db = getDb();
  await db.$transaction([
    db.modelAccess.deleteMany({ where: { modelId } }),
    ...groupIds.map((groupId) => db.modelAccess.create({ data: { modelId, groupId } })),
  ]);
}
