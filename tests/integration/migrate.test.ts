import { spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { loadMigrations, MigrationChangedError } from "@/lib/db/migrations";
import type { DatabaseTarget } from "@/lib/db/target";
import { createScratchDatabase, repoRoot, type ScratchDatabase, testProvider } from "../support/database";
import { waitFor } from "../support/wait-for";

// The start-up migration runner (lib/db/migrate.ts) against a real database of the project's provider.

const provider = testProvider();
const committed = loadMigrations(provider, repoRoot);
const committedNames = committed.map((migration) => migration.name);

const databases: ScratchDatabase[] = [];
const tempDirs: string[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

async function freshDatabase(): Promise<ScratchDatabase> {
  const database = await createScratchDatabase();
  databases.push(database);
  return database;
}

/** A copy of the repository's prisma folder to use as migrate()'s root, so a test may add or edit migrations. */
function copyOfPrismaFolder(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "chat-prisma-"));
  tempDirs.push(root);
  cpSync(path.join(repoRoot, "prisma"), path.join(root, "prisma"), { recursive: true });
  return root;
}

function addMigration(root: string, name: string, sql: string) {
  const dir = path.join(root, "prisma", provider, "migrations", name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
}

/** A migration that fails if it runs twice, and whose single row shows it ran exactly once. */
const EXTRA = "20991231000000_test_extra";
const extraSql = `CREATE TABLE "TestExtra" ("note" TEXT NOT NULL);\nINSERT INTO "TestExtra" ("note") VALUES ('applied');\n`;

async function query<T>(target: DatabaseTarget, sql: string): Promise<T[]> {
  if (target.provider === "sqlite") {
    const db = new Database(target.path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const appliedRows = (target: DatabaseTarget) => query<{ name: string; checksum: string }>(target, `SELECT name, checksum FROM "_app_migrations" ORDER BY name`);

async function tableExists(target: DatabaseTarget, table: string): Promise<boolean> {
  const sql =
    target.provider === "sqlite"
      ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${table}'`
      : `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '${table}'`;
  return (await query(target, sql)).length === 1;
}

describe(`migrate() on ${provider}`, () => {
  it("applies every migration to a fresh database and records name and checksum", async () => {
    const { target } = await freshDatabase();
    expect(committedNames.length).toBeGreaterThan(0);
    const result = await migrate(target, repoRoot);
    expect(result.applied).toEqual(committedNames);
    expect(await appliedRows(target)).toEqual(committed.map(({ name, checksum }) => ({ name, checksum })));
    expect(await query(target, `SELECT COUNT(*) AS count FROM "User"`)).toEqual([{ count: provider === "sqlite" ? 0 : "0" }]);
  });

  it("applies nothing on a second run", async () => {
    const { target } = await freshDatabase();
    await migrate(target, repoRoot);
    const before = await appliedRows(target);
    expect(await migrate(target, repoRoot)).toEqual({ applied: [] });
    expect(await appliedRows(target)).toEqual(before);
  });

  it("applies only the migrations added since the last run, in order", async () => {
    const { target } = await freshDatabase();
    const root = copyOfPrismaFolder();
    await migrate(target, root);
    addMigration(root, "20991231000001_second", `CREATE TABLE "TestSecond" ("id" INTEGER NOT NULL);\n`);
    addMigration(root, EXTRA, extraSql);
    expect((await migrate(target, root)).applied).toEqual([EXTRA, "20991231000001_second"]);
    expect((await appliedRows(target)).map((row) => row.name)).toEqual([...committedNames, EXTRA, "20991231000001_second"]);
  });

  // SQLite only: PostgreSQL alters tables in place.
  if (provider === "sqlite")
    it("a migration that rewrites a parent table keeps the child rows (no cascade)", async () => {
      const { target } = await freshDatabase();
      const root = copyOfPrismaFolder();
      addMigration(
        root,
        "20991231000000_parent",
        `CREATE TABLE "P" ("id" TEXT PRIMARY KEY);
CREATE TABLE "C" ("id" TEXT PRIMARY KEY, "pId" TEXT NOT NULL REFERENCES "P" ("id") ON DELETE CASCADE);
INSERT INTO "P" VALUES ('p1');
INSERT INTO "C" VALUES ('c1', 'p1');
`,
      );
      await migrate(target, root);
      // The shape Prisma writes for a changed SQLite table.
      addMigration(
        root,
        "20991231000001_rewrite",
        `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_P" ("id" TEXT PRIMARY KEY, "extra" TEXT NOT NULL DEFAULT 'x');
INSERT INTO "new_P" ("id") SELECT "id" FROM "P";
DROP TABLE "P";
ALTER TABLE "new_P" RENAME TO "P";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`,
      );
      await migrate(target, root);
      expect(await query(target, `SELECT "id", "pId" FROM "C"`)).toEqual([{ id: "c1", pId: "p1" }]);
    });

  it("5 concurrent migrate() calls on a fresh database all succeed and apply each migration exactly once", async () => {
    const { target } = await freshDatabase();
    const root = copyOfPrismaFolder();
    addMigration(root, EXTRA, extraSql);
    const results = await Promise.all(Array.from({ length: 5 }, () => migrate(target, root)));
    expect(results.flatMap((result) => result.applied).sort()).toEqual([...committedNames, EXTRA].sort());
    expect((await appliedRows(target)).map((row) => row.name)).toEqual([...committedNames, EXTRA]);
    expect(await query(target, `SELECT "note" FROM "TestExtra"`)).toEqual([{ note: "applied" }]);
  });

  it("5 processes migrating one fresh database at the same moment apply each migration exactly once", async () => {
    const { url, target } = await freshDatabase();
    const root = copyOfPrismaFolder();
    addMigration(root, EXTRA, extraSql);
    const children = Array.from({ length: 5 }, () => startMigrateProcess(url, root));
    await Promise.all(children.map((child) => child.ready));
    for (const child of children) child.go();
    const results = await Promise.all(children.map((child) => child.result));
    expect(results.flatMap((result) => result.applied).sort()).toEqual([...committedNames, EXTRA].sort());
    expect((await appliedRows(target)).map((row) => row.name)).toEqual([...committedNames, EXTRA]);
    expect(await query(target, `SELECT "note" FROM "TestExtra"`)).toEqual([{ note: "applied" }]);
  });

  it("throws MigrationChangedError when an applied migration's file was changed, and applies nothing else", async () => {
    const { target } = await freshDatabase();
    const root = copyOfPrismaFolder();
    await migrate(target, root);
    const before = await appliedRows(target);
    const edited = committedNames[0]!;
    appendFileSync(path.join(root, "prisma", provider, "migrations", edited, "migration.sql"), "\n-- edited after it was applied\n");
    addMigration(root, EXTRA, extraSql);

    const attempt = migrate(target, root);
    await expect(attempt).rejects.toThrow(MigrationChangedError);
    await expect(attempt).rejects.toThrow(new RegExp(`migration ${edited} was changed`));
    expect(await appliedRows(target)).toEqual(before);
    expect(await tableExists(target, "TestExtra")).toBe(false);
  });

  it("rolls back a failing migration and does not record it, so a fixed one applies later", async () => {
    const { target } = await freshDatabase();
    const root = copyOfPrismaFolder();
    await migrate(target, root);
    addMigration(root, EXTRA, `CREATE TABLE "TestExtra" ("note" TEXT NOT NULL);\nSELECT * FROM "no_such_table";\n`);
    await expect(migrate(target, root)).rejects.toThrow(/no_such_table/);
    expect((await appliedRows(target)).map((row) => row.name)).toEqual(committedNames);
    expect(await tableExists(target, "TestExtra")).toBe(false);

    addMigration(root, EXTRA, extraSql);
    expect((await migrate(target, root)).applied).toEqual([EXTRA]);
    expect(await query(target, `SELECT "note" FROM "TestExtra"`)).toEqual([{ note: "applied" }]);
  });

  if (provider === "sqlite") {
    it("leaves the SQLite file in WAL mode", async () => {
      const { target } = await freshDatabase();
      if (target.provider !== "sqlite") throw new Error("expected a SQLite target");
      await migrate(target, repoRoot);
      const db = new Database(target.path, { fileMustExist: true });
      try {
        expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      } finally {
        db.close();
      }
    });
  } else {
    it("waits for another instance's advisory lock, then migrates, and releases the lock", async () => {
      const { target } = await freshDatabase();
      if (target.provider !== "postgres") throw new Error("expected a PostgreSQL target");
      const holder = new pg.Client({ connectionString: target.url });
      await holder.connect();
      try {
        await holder.query("SELECT pg_advisory_lock(727001)");
        let settled = false;
        const running = migrate(target, repoRoot).finally(() => {
          settled = true;
        });
        // Wait (bounded) until the runner's session is queued on the lock; it must not have migrated yet.
        const waiting = async () =>
          (
            await holder.query(
              "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            )
          ).rowCount === 1;
        await waitFor(waiting, 5_000, "the runner queued on the lock:");
        expect(settled).toBe(false);
        expect(await tableExists(target, "_app_migrations")).toBe(false);

        await holder.query("SELECT pg_advisory_unlock(727001)");
        expect((await running).applied).toEqual(committedNames);
        const { rows } = await holder.query(
          "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        );
        expect(rows).toEqual([]);
      } finally {
        await holder.end();
      }
    });
  }
});

type ChildProcessRun = { ready: Promise<void>; go(): void; result: Promise<{ applied: string[] }> };

/** Starts tests/support/migrate-child.ts: it loads, reports "ready", and migrates when told to. */
function startMigrateProcess(databaseUrl: string, root: string): ChildProcessRun {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "tests", "support", "migrate-child.ts")], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, MIGRATIONS_ROOT: root },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith("ready\n")) markReady();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const result = new Promise<{ applied: string[] }>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`migrate process exited with ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout.slice("ready\n".length)) as { applied: string[] });
    });
  });
  // A child that dies before saying ready fails the test instead of hanging it.
  const readyOrDead = Promise.race([ready, result.then(() => Promise.reject(new Error(`migrate process exited before ready: ${stdout}`)))]);
  return { ready: readyOrDead, go: () => child.stdin.end("go\n"), result };
}
