import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "./schema-files";

export type Migration = { name: string; sql: string; checksum: string };

export function migrationsDir(provider: DatabaseProvider, root = process.cwd()): string {
  return path.join(root, "prisma", provider, "migrations");
}

/** The provider's migrations in the order they apply (their folder names start with a timestamp). */
export function loadMigrations(provider: DatabaseProvider, root?: string): Migration[] {
  const dir = migrationsDir(provider, root);
  if (!existsSync(dir)) throw new Error(`no migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationChangedError extends Error {
  constructor(name: string) {
    super(`migration ${name} was changed after it was applied; restore it and add a new migration instead`);
  }
}

/** Returns the migrations still to apply, after checking the applied ones were not edited since. */
export function pendingMigrations(all: Migration[], applied: Map<string, string>): Migration[] {
  for (const migration of all) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) throw new MigrationChangedError(migration.name);
  }
  return all.filter((migration) => !applied.has(migration.name));
}
