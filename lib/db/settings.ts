import "server-only";
import { getDb } from "./client";
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

/** Raw SQL: answers read settings (README: Load). */
export async function getSetting<T>({ key }: { key: string }): Promise<T | null> {
  const rows = await getDb().$queryRaw<{ value: T }[]>`SELECT "value" FROM "Setting" WHERE "key" = ${key}`;
  return rows[0]?.value ?? null;
}
