import "server-only";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import { getEnv } from "@/lib/env";
import { log as appLog } from "@/lib/server/log";
import { observeDbQuery } from "@/lib/server/metrics";
import { PrismaClient as PostgresClient, Prisma as PostgresPrisma } from "./generated/postgres";
import { type Prisma, PrismaClient as SqliteClient, Prisma as SqlitePrisma } from "./generated/sqlite";
import { cacheSqliteStatements } from "./sqlite-statement-cache";
import { type DatabaseTarget, databaseTargetFrom } from "./target";

// Password hashes are left out of every query unless one asks for them with `omit: { passwordHash: false }`.
const omit = { user: { passwordHash: true } } as const;

// Every query is timed for the metrics (the query event); its text is logged only with DB_LOG_QUERIES (development),
// never its parameters, which may hold a prompt.
const log = [
  { emit: "event", level: "query" },
  { emit: "stdout", level: "warn" },
  { emit: "stdout", level: "error" },
] as const satisfies { emit: "event" | "stdout"; level: "query" | "warn" | "error" }[];

function observeQueries(client: { $on(event: "query", listener: (event: { query: string; duration: number }) => void): void }): void {
  const logQueries = getEnv().DB_LOG_QUERIES;
  client.$on("query", (event) => {
    observeDbQuery(event.duration);
    if (logQueries) appLog.info({ query: event.query, durationMs: event.duration }, "database query");
  });
}

/**
 * Prepared statements are kept per SQL text (sqlite-statement-cache.ts).
 * `synchronous = NORMAL` under WAL (which the migration runner turns on): a commit no longer waits for an fsync of the
 * log, only checkpoints do. The database stays consistent after a crash of the app or the machine, but a power loss
 * or kernel crash may undo the last transactions before it (README: Load). An app crash loses nothing.
 */
class TunedSqliteAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA synchronous = NORMAL;");
    cacheSqliteStatements((adapter as unknown as { client: BetterSqlite3.Database }).client);
    return adapter;
  }
}

function createSqliteDb(file: string) {
  // busy timeout: a writer waits for another instance's write instead of failing at once.
  const adapter = new TunedSqliteAdapter({ url: file, timeout: 15_000 });
  const client = new SqliteClient({ adapter, omit, log: [...log] });
  observeQueries(client);
  return client;
}

// Both generated clients come from one data model, so they expose the same API; the SQLite one names the type.
export type Db = ReturnType<typeof createSqliteDb>;

export function createDb(target: DatabaseTarget): Db {
  if (target.provider === "sqlite") return createSqliteDb(target.path);
  const adapter = new PrismaPg({ connectionString: target.url, max: getEnv().DB_POOL_SIZE });
  const client = new PostgresClient({ adapter, omit, log: [...log] });
  observeQueries(client);
  return client as unknown as Db;
}

export function currentDatabaseTarget(): DatabaseTarget {
  const env = getEnv();
  return env.DATABASE_URL ? databaseTargetFrom(env.DATABASE_URL) : { provider: "sqlite", path: path.resolve(env.DATA_DIR, "chat.db") };
}

/**
 * Prisma's `sql` tag, for a raw query built from fragments: the one of the client that runs it. Each generated client
 * nests only its own fragments (another's would be bound as a value).
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Prisma.Sql {
  return currentDatabaseTarget().provider === "postgres"
    ? (PostgresPrisma.sql(strings, ...values) as unknown as Prisma.Sql)
    : SqlitePrisma.sql(strings, ...values);
}

/** Prisma's `join` for the client that runs the query: `values` bound one by one, separated by commas (an IN list). */
export function sqlList(values: readonly unknown[]): Prisma.Sql {
  return currentDatabaseTarget().provider === "postgres"
    ? (PostgresPrisma.join(values as unknown[]) as unknown as Prisma.Sql)
    : SqlitePrisma.join(values as unknown[]);
}

const globalForDb = globalThis as unknown as { chatDb?: Db };

/** The process-wide client (kept on globalThis so dev reloads do not open a new pool each time). */
export function getDb(): Db {
  globalForDb.chatDb ??= createDb(currentDatabaseTarget());
  return globalForDb.chatDb;
}
