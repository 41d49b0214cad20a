import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { loadMigrations, pendingMigrations } from "./migrations";
import type { DatabaseTarget } from "./target";

// Our own runner applies the migration files at start-up on both databases: `prisma migrate deploy` needs the
// schema-engine binary on PostgreSQL (prisma/orm#27403 with adapter-pg). It records what it applied in
// _app_migrations, applies each migration in a transaction, and serialises concurrent starts of several instances
// (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock).

const TABLE = "_app_migrations";
const ADVISORY_LOCK_KEY = 727_001;

export type MigrationResult = { applied: string[] };

export async function migrate(target: DatabaseTarget, root?: string): Promise<MigrationResult> {
  return target.provider === "sqlite" ? migrateSqlite(target.path, root) : migratePostgres(target.url, root);
}

const SQLITE_TIMEOUT_MS = 30_000;

// Switching a database to WAL takes an exclusive lock, and when several instances start on a new file at once SQLite
// may answer SQLITE_BUSY at once instead of waiting out the busy timeout (its deadlock avoidance), so retry until then.
function enableWal(db: Database.Database): void {
  const deadline = Date.now() + SQLITE_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

function migrateSqlite(file: string, root?: string): MigrationResult {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: SQLITE_TIMEOUT_MS });
  try {
    enableWal(db);
    // Prisma rewrites a changed SQLite table as copy, DROP, rename. With foreign keys on, that DROP would cascade
    // and delete every child row, and the PRAGMA inside the migration cannot turn them off within our transaction.
    // So they are off here, as SQLite's own procedure for schema changes says, and checked before the commit.
    db.pragma("foreign_keys = OFF");
    db.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied: string[] = [];
    db.exec("BEGIN IMMEDIATE");
    try {
      const rows = db.prepare(`SELECT name, checksum FROM "${TABLE}"`).all() as { name: string; checksum: string }[];
      const pending = pendingMigrations(loadMigrations("sqlite", root), new Map(rows.map((r) => [r.name, r.checksum])));
      const record = db.prepare(`INSERT INTO "${TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`);
      for (const migration of pending) {
        db.exec(migration.sql);
        record.run(migration.name, migration.checksum, new Date().toISOString());
        applied.push(migration.name);
      }
      const violations = db.pragma("foreign_key_check") as unknown[];
      if (violations.length > 0) throw new Error(`migrations left ${violations.length} foreign key violation(s)`);
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
    return { applied };
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, root?: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${TABLE}"`);
    const pending = pendingMigrations(loadMigrations("postgres", root), new Map(rows.map((r) => [r.name, r.checksum])));
    const applied: string[] = [];
    for (const migration of pending) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "${TABLE}" (name, checksum) VALUES ($1, $2)`, [migration.name, migration.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
