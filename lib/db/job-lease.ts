import "server-only";
import { getDb } from "./client";
import { isUniqueViolation } from "./errors";

/**
 * Takes the lease `name` for `holder` until now + ttlMs: true when this holder has it now. Atomic on both databases:
 * the row is inserted, or updated only while the lease is expired (or already this holder's, to renew it), in one
 * statement, so of several instances racing exactly one wins.
 */
export async function acquireJobLease({
  name,
  holder,
  ttlMs,
  now = new Date(),
}: {
  name: string;
  holder: string;
  ttlMs: number;
  now?: Date;
}): Promise<boolean> {
  const db = getDb();
  const expiresAt = new Date(now.getTime() + ttlMs);
  const { count } = await db.jobLease.updateMany({
    where: { name, OR: [{ expiresAt: { lte: now } }, { holder }] },
    data: { holder, expiresAt },
  });
  if (count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Gives the lease up early, only if `holder` still has it. */
export async function releaseJobLease({ name, holder }: { name: string; holder: string }): Promise<void> {
  await getDb().jobLease.deleteMany({ where: { name, holder } });
}
