import path from "node:path";

export type DatabaseTarget = { provider: "sqlite"; path: string } | { provider: "postgres"; url: string };

export const DEFAULT_SQLITE_PATH = path.join("data", "chat.db");

/** No DATABASE_URL means the embedded SQLite file; a postgres URL means PostgreSQL; file: URLs name a SQLite file. */
export function databaseTargetFrom(databaseUrl: string | undefined, cwd = process.cwd()): DatabaseTarget {
  if (!databaseUrl) return { provider: "sqlite", path: path.resolve(cwd, DEFAULT_SQLITE_PATH) };
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return { provider: "postgres", url: databaseUrl };
  if (databaseUrl.startsWith("file:")) {
    const file = databaseUrl.slice("file:".length);
    return { provider: "sqlite", path: file === ":memory:" ? file : path.resolve(cwd, file) };
  }
  throw new Error("DATABASE_URL must start with postgresql://, postgres:// or file:");
}
