import "server-only";
import { getDb } from "./client";

/** What the owner and admins see of a key: never its value or hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  saveToHistory: boolean;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export interface AdminApiKeySummary extends ApiKeySummary {
  user: { id: string; email: string; name: string | null };
}

/** A key found by its hash, with what the API needs to decide whether it may be used. */
export interface ApiKeyForRequest {
  id: string;
  name: string;
  saveToHistory: boolean;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  user: { id: string; email: string; role: "admin" | "user"; status: "active" | "disabled" | "pending" };
}

const summarySelect = {
  id: true,
  name: true,
  prefix: true,
  saveToHistory: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

/** Most keys one user may hold (revoked ones included), so a script cannot fill the table. */
export const MAX_API_KEYS_PER_USER = 50;

export async function insertApiKey(input: {
  userId: string;
  name: string;
  prefix: string;
  keyHash: string;
  saveToHistory: boolean;
  expiresAt: Date | null;
}): Promise<ApiKeySummary> {
  return getDb().apiKey.create({ data: input, select: summarySelect });
}

export async function countApiKeys({ userId }: { userId: string }): Promise<number> {
  return getDb().apiKey.count({ where: { userId } });
}

/** A user's keys, newest first. */
export async function listApiKeys({ userId }: { userId: string }): Promise<ApiKeySummary[]> {
  return getDb().apiKey.findMany({ where: { userId }, select: summarySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** Every key of every user, newest first, at most `take`. */
export async function listAllApiKeys({ take = 500 }: { take?: number } = {}): Promise<AdminApiKeySummary[]> {
  return getDb().apiKey.findMany({
    select: { ...summarySelect, user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

export async function findApiKeyByHash({ keyHash }: { keyHash: string }): Promise<ApiKeyForRequest | null> {
  return getDb().apiKey.findUnique({
    where: { keyHash },
    select: {
      id: true,
      name: true,
      saveToHistory: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, role: true, status: true } },
    },
  });
}

/**
 * Revokes a key that is not revoked yet; with userId, only that user's key (another user's id changes nothing).
 * Returns the key as it was, or null when there was nothing to revoke.
 */
export async function revokeApiKey({ id, userId, now = new Date() }: { id: string; userId?: string; now?: Date }) {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id, revokedAt: null, ...(userId ? { userId } : {}) }, select: { id: true, name: true, userId: true } });
    if (!key) return null;
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    return count === 1 ? key : null;
  });
}

/**
 * Records that the key was used, at most once per `everyMs`: the condition is in the update itself, so concurrent
 * requests on several instances write once between them.
 */
export async function touchApiKey({ id, now = new Date(), everyMs = 60_000 }: { id: string; now?: Date; everyMs?: number }): Promise<void> {
  await getDb().apiKey.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - everyMs) } }] },
    data: { lastUsedAt: now },
  });
}
