import "server-only";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "@/lib/env";
import { PrismaClient as PostgresClient } from "./generated/postgres";
import { PrismaClient as SqliteClient } from "./generated/sqlite";
import { type DatabaseTarget, databaseTargetFrom } from "./target";

// Password hashes are left out of every query unless one asks for them with `omit: { passwordHash: false }`.
const omit = { user: { passwordHash: true } } as const;

function logLevels(): ("query" | "warn" | "error")[] {
  return process.env.DB_LOG_QUERIES === "true" ? ["query", "warn", "error"] : ["error"];
}

/**
 * `synchronous = NORMAL` under WAL (which the migration runner turns on): a commit no longer waits for an fsync of the
 * log, only checkpoints do. The database stays consistent after a crash of the app or the machine, but a power loss
 * or kernel crash may undo the last transactions before it (README: Load). An app crash loses nothing.
 */
class TunedSqliteAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA synchronous = NORMAL;");
    return adapter;
  }
}

function createSqliteDb(file: string) {
  // busy timeout: a writer waits for another instance's write instead of failing at once.
  const adapter = new TunedSqliteAdapter({ url: file, timeout: 15_000 });
  return new SqliteClient({ adapter, omit, log: logLevels() });
}

// Both generated clients come from one data model, so they expose the same API; the SQLite one names the type.
export type Db = ReturnType<typeof createSqliteDb>;

export function createDb(target: DatabaseTarget): Db {
  if (target.provider === "sqlite") return createSqliteDb(target.path);
  const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  return new PostgresClient({ adapter, omit, log: logLevels() }) as unknown as Db;
}

export function currentDatabaseTarget(): DatabaseTarget {
  const env = getEnv();
  return env.DATABASE_URL
    ? databaseTargetFrom(env.DATABASE_URL)
    : { provider: "sqlite", path: path.resolve(env.DATA_DIR, "chat.db") };
}

const globalForDb = globalThis as unknown as { chatDb?: Db };

/** The process-wide client (kept on globalThis so dev reloads do not open a new pool each time). */
export function getDb(): Db {
  globalForDb.chatDb ??= createDb(currentDatabaseTarget());
  return globalForDb.chatDb;
}
