import "server-only";
import { getDb } from "./client";
import { isUniqueViolation } from "./errors";

/**
 * Adds one to the counter `key` (one fixed window: the window is part of the key) and returns the new count. The
 * increment is a single UPDATE ... SET count = count + 1, so parallel callers on any instance each get their own
 * number; the first caller of a window creates the row, and a caller that loses that race increments instead.
 */
export async function incrementRateCounter({ key, expiresAt }: { key: string; expiresAt: Date }): Promise<number> {
  const db = getDb();
  // RETURNING reads the count this very UPDATE wrote (SQLite >= 3.35 and PostgreSQL), not a later caller's.
  const increment = async () => {
    const rows = await db.$queryRaw<{ count: number | bigint }[]>`UPDATE "RateCounter" SET "count" = "count" + 1 WHERE "key" = ${key} RETURNING "count"`;
    return rows[0] ? Number(rows[0].count) : null;
  };
  const counted = await increment();
  if (counted !== null) return counted;
  try {
    await db.rateCounter.create({ data: { key, count: 1, expiresAt } });
    return 1;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const afterRace = await increment();
    if (afterRace === null) throw new Error(`rate counter ${key} vanished`);
    return afterRace;
  }
}

export async function deleteExpiredRateCounters({ now }: { now: Date }): Promise<number> {
  return (await getDb().rateCounter.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}

/** Adds `amount` to an existing counter and returns the new count (null when the row is gone). */
export async function addToRateCounter({ key, amount }: { key: string; amount: number }): Promise<number | null> {
  const rows = await getDb().$queryRaw<
    { count: number | bigint }[]
  >`UPDATE "RateCounter" SET "count" = "count" + ${amount} WHERE "key" = ${key} RETURNING "count"`;
  return rows[0] ? Number(rows[0].count) : null;
}
