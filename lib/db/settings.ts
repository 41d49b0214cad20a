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

/** Several settings in one query: each key's stored value, absent when unset. Raw SQL: answers read settings (README: Load). */
export async function getSettings(keys: readonly string[]): Promise<Map<string, unknown>> {
  if (keys.length === 0) return new Map();
  const rows = await getDb().$queryRaw<{ key: string; value: unknown }[]>(
    templateStrings(['SELECT "key", "value" FROM "Setting" WHERE "key" IN (', ...keys.slice(1).map(() => ", "), ")"]),
    ...keys,
  );
  return new Map(rows.map((row) => [row.key, row.value]));
}

// $queryRaw binds the values between a tagged template's strings; built here for a list whose length varies (Prisma's
// own Prisma.join belongs to one generated client, and there are two).
function templateStrings(parts: string[]): TemplateStringsArray {
  return Object.assign([...parts], { raw: [...parts] });
}
