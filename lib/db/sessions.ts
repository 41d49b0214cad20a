import "server-only";
import { getDb } from "./client";

// A session row is touched at most once a minute, so reads stay reads.
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession({
  userId,
  maxAgeMs,
  ipAddress,
  userAgent,
}: {
  userId: string;
  maxAgeMs: number;
  ipAddress?: string | null;
  userAgent?: string | null;
}) {
  return getDb().session.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + maxAgeMs),
      ipAddress: ipAddress ?? null,
      userAgent: userAgent?.slice(0, 400) ?? null,
    },
  });
}

/**
 * The session and its user, or null when the session is gone, expired, idle for longer than `idleMs` (0: no idle
 * limit; an idle session is deleted), or its user is disabled. lastSeenAt moves at most once a minute, so the idle
 * limit holds to within a minute.
 */
export async function getActiveSessionWithUser({ id, idleMs = 0 }: { id: string; idleMs?: number }): Promise<ActiveSession | null> {
  const db = getDb();
  const session = await findSessionWithUser(id);
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now() || session.user.status !== "active") return null;
  if (idleMs > 0 && Date.now() - session.lastSeenAt.getTime() > idleMs) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    const now = new Date();
    await db.$transaction([
      db.session.update({ where: { id }, data: { lastSeenAt: now } }),
      db.user.update({ where: { id: session.userId }, data: { lastActiveAt: now } }),
    ]);
  }
  return session;
}

export interface ActiveSession {
  id: string;
  userId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
  user: { id: string; email: string; name: string | null; image: string | null; role: "admin" | "user"; status: "active" | "disabled" | "pending" };
}

/** One raw join: every request reads its session, and Prisma's include costs two queries and its compiler (README: Load). */
async function findSessionWithUser(id: string): Promise<ActiveSession | null> {
  const rows = await getDb().$queryRaw<(Omit<ActiveSession, "user"> & Omit<ActiveSession["user"], "id">)[]>`
    SELECT s."id", s."userId", s."expiresAt", s."lastSeenAt", s."ipAddress", s."userAgent", s."createdAt",
      u."email", u."name", u."image", u."role", u."status"
    FROM "Session" AS s JOIN "User" AS u ON u."id" = s."userId"
    WHERE s."id" = ${id}`;
  const row = rows[0];
  if (!row) return null;
  const { email, name, image, role, status, ...session } = row;
  return { ...session, user: { id: row.userId, email, name, image, role, status } };
}

export async function deleteSession({ id }: { id: string }) {
  await getDb().session.deleteMany({ where: { id } });
}

/** Signs the user out everywhere; returns how many sessions there were. */
export async function deleteSessionsByUserId({ userId }: { userId: string }): Promise<number> {
  return (await getDb().session.deleteMany({ where: { userId } })).count;
}

export async function deleteExpiredSessions() {
  const { count } = await getDb().session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
