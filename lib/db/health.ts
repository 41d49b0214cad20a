import "server-only";
import { getDb } from "./client";

const WRITE_PROBE_KEY = "health.writeProbe";

/**
 * True when the database answers a trivial query and takes a tiny write, both within the time limit. The write is
 * what notices a full disk, a read-only file or a read-only (failed-over) server, where reads still work.
 */
export async function isDatabaseHealthy(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const value = { at: new Date().toISOString() };
  const db = getDb();
  const probe = db.$queryRaw`SELECT 1`
    .then(() => db.setting.upsert({ where: { key: WRITE_PROBE_KEY }, create: { key: WRITE_PROBE_KEY, value }, update: { value } }))
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The names of the migrations recorded as applied (lib/db/migrate.ts keeps them in _app_migrations). */
export async function appliedMigrationNames(): Promise<Set<string>> {
  const rows = await getDb().$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM "_app_migrations"`);
  return new Set(rows.map((row) => row.name));
}
