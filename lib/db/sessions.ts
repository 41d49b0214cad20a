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

/** The session and its user, or null when the session is gone, expired, or its user is disabled. */
export async function getActiveSessionWithUser({ id }: { id: string }) {
  const db = getDb();
  const session = await db.session.findUnique({ where: { id }, include: { user: true } });
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now() || session.user.status !== "active") return null;
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

export async function deleteSessionsByUserId({ userId }: { userId: string }) {
  await getDb().session.deleteMany({ where: { userId } });
}

export async function deleteExpiredSessions() {
  const { count } = await getDb().session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
