import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadMigrations, type Migration, MigrationChangedError, migrationsDir, pendingMigrations } from "@/lib/db/migrations";

function migration(name: string, sql = `-- ${name}`): Migration {
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}

describe("pendingMigrations", () => {
  const all = [migration("20250101000000_a"), migration("20250201000000_b"), migration("20250301000000_c")];

  it("returns every migration, in order, on an empty database", () => {
    expect(pendingMigrations(all, new Map()).map((m) => m.name)).toEqual(all.map((m) => m.name));
  });

  it("leaves out the applied ones and keeps the order of the rest", () => {
    const applied = new Map([[all[1]!.name, all[1]!.checksum]]);
    expect(pendingMigrations(all, applied).map((m) => m.name)).toEqual(["20250101000000_a", "20250301000000_c"]);
  });

  it("returns nothing when everything is applied", () => {
    expect(pendingMigrations(all, new Map(all.map((m) => [m.name, m.checksum])))).toEqual([]);
  });

  it("throws MigrationChangedError, naming the migration, when an applied one was edited", () => {
    const applied = new Map(all.map((m) => [m.name, m.checksum]));
    const edited = [all[0]!, migration(all[1]!.name, "-- edited"), all[2]!];
    expect(() => pendingMigrations(edited, applied)).toThrow(MigrationChangedError);
    expect(() => pendingMigrations(edited, applied)).toThrow(/20250201000000_b was changed/);
  });

  it("checks applied checksums even when other migrations are pending", () => {
    const applied = new Map([[all[0]!.name, "0".repeat(64)]]);
    expect(() => pendingMigrations(all, applied)).toThrow(MigrationChangedError);
  });
});

describe("loadMigrations", () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it("reads the provider's migration folders sorted by name, with SHA-256 checksums, skipping anything else", () => {
    root = mkdtempSync(path.join(os.tmpdir(), "chat-migrations-"));
    const dir = migrationsDir("sqlite", root);
    expect(dir).toBe(path.join(root, "prisma", "sqlite", "migrations"));
    const write = (name: string, sql: string) => {
      mkdirSync(path.join(dir, name), { recursive: true });
      writeFileSync(path.join(dir, name, "migration.sql"), sql);
    };
    write("20250301000000_third", "CREATE TABLE c (id INT);");
    write("20250101000000_first", "CREATE TABLE a (id INT);");
    write("20250201000000_second", "CREATE TABLE b (id INT);");
    mkdirSync(path.join(dir, "20250401000000_no_sql_yet"));
    writeFileSync(path.join(dir, "schema.snapshot.prisma"), "// not a migration");

    const migrations = loadMigrations("sqlite", root);
    expect(migrations.map((m) => m.name)).toEqual(["20250101000000_first", "20250201000000_second", "20250301000000_third"]);
    expect(migrations[0]).toEqual(migration("20250101000000_first", "CREATE TABLE a (id INT);"));
  });

  it("throws when the provider has no migrations folder", () => {
    root = mkdtempSync(path.join(os.tmpdir(), "chat-migrations-"));
    expect(() => loadMigrations("postgres", root)).toThrow(/no migrations folder/);
  });

  it("finds the committed migrations of both providers, with the same names", () => {
    const sqlite = loadMigrations("sqlite").map((m) => m.name);
    const postgres = loadMigrations("postgres").map((m) => m.name);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres).toEqual(sqlite);
  });
});
