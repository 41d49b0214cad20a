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
export async function getActiveSessionWithUser({ id, idleMs = 0 }: { id: string; idleMs?: number }) {
  const db = getDb();
  const session = await db.session.findUnique({ where: { id }, include: { user: true } });
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
