import "server-only";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "@/lib/env";
import { log as appLog } from "@/lib/server/log";
import { observeDbQuery } from "@/lib/server/metrics";
import { PrismaClient as PostgresClient } from "./generated/postgres";
import { PrismaClient as SqliteClient } from "./generated/sqlite";
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

function createSqliteDb(file: string) {
  // busy timeout: a writer waits for another instance's write instead of failing at once.
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 15_000 });
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
