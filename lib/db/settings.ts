import "server-only";
import { getDb, sql, sqlList } from "./client";
import { isUniqueViolation } from "./errors";

/** Inserts the setting only if nobody has: returns whether this call was the one that did. */
export async function claimSetting(key: string, value: string): Promise<boolean> {
  try {
    await getDb().setting.create({ data: { key, value } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Several settings in one query: each key's stored value, absent when unset. Raw SQL: answers read settings (README: Load). */
export async function getSettings(keys: readonly string[]): Promise<Map<string, unknown>> {
  if (keys.length === 0) return new Map();
  const rows = await getDb().$queryRaw<{ key: string; value: unknown }[]>(sql`SELECT "key", "value" FROM "Setting" WHERE "key" IN (${sqlList(keys)})`);
  return new Map(rows.map((row) => [row.key, row.value]));
}
