import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The CLI runs on the JavaScript schema engine through a driver adapter, so it never downloads an engine binary.
// Diffing PostgreSQL schemas needs a reachable server (PRISMA_POSTGRES_URL); SQLite diffs in memory.
// PRISMA_PROVIDER picks which of the two generated schemas a command works on (scripts/db/*.ts set it).
const provider = process.env.PRISMA_PROVIDER === "postgres" ? "postgres" : "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", provider, "schema.prisma"),
  migrations: { path: path.join("prisma", provider, "migrations") },
  engine: "js",
  async adapter() {
    if (provider === "postgres") {
      return new PrismaPg({ connectionString: process.env.PRISMA_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
    }
    return new PrismaBetterSQLite3({ url: process.env.PRISMA_SQLITE_URL ?? "file::memory:" });
  },
});
