import "server-only";
import { getDb } from "./client";

/** True when the database answers a trivial query within the time limit. */
export async function isDatabaseHealthy(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = getDb()
    .$queryRaw`SELECT 1`.then(() => true)
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
