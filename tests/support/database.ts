import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, inject } from "vitest";
import { allWorkAfterAnswers } from "@/lib/chat/after-answer";
import { currentDatabaseTarget, type Db, getDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import type { DatabaseProvider } from "@/lib/db/schema-files";
import { type DatabaseTarget, databaseTargetFrom } from "@/lib/db/target";
import { databaseUrl, quoteIdentifier, testPostgresUrl, withAdminClient } from "./postgres";

// Gives an integration test file its own database for the provider its Vitest project names (TEST_DB_PROVIDER):
// a SQLite file in a fresh temp folder, or a fresh PostgreSQL database. Nothing is shared between files.

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export function testProvider(): DatabaseProvider {
  const provider = process.env.TEST_DB_PROVIDER;
  if (provider !== "sqlite" && provider !== "postgres") {
    throw new Error(`TEST_DB_PROVIDER must be sqlite or postgres (got ${JSON.stringify(provider)}); run integration tests through vitest.config.ts`);
  }
  return provider;
}

export type ScratchDatabase = {
  provider: DatabaseProvider;
  /** What DATABASE_URL would be for the app: file:/abs/path.db or postgresql://.../name */
  url: string;
  target: DatabaseTarget;
  /** Removes the database (PostgreSQL: DROP DATABASE ... WITH (FORCE); SQLite: its temp folder). */
  drop(): Promise<void>;
};

/** A new, empty database (no migrations applied) for the current provider. */
export async function createScratchDatabase(provider: DatabaseProvider = testProvider()): Promise<ScratchDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "chat-test-"));
    const url = `file:${path.join(dir, "chat.db")}`;
    return {
      provider,
      url,
      target: databaseTargetFrom(url),
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = testPostgresUrl();
  const name = `${inject("postgresDatabasePrefix")}${randomBytes(6).toString("hex")}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  const url = databaseUrl(adminUrl, name);
  return {
    provider,
    url,
    target: databaseTargetFrom(url),
    async drop() {
      await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
    },
  };
}

const globalForDb = globalThis as unknown as { chatDb?: Db };

/** Closes lib/db's process-wide client, if one was built, so the next getDb() builds a new one. */
export async function forgetAppClient(): Promise<void> {
  const db = globalForDb.chatDb;
  delete globalForDb.chatDb;
  await db?.$disconnect();
}

/** Points lib/db (getDb) at `database` through DATABASE_URL, as the app would be configured. */
export async function pointAppAt(database: ScratchDatabase): Promise<void> {
  await forgetAppClient();
  process.env.DATABASE_URL = database.url;
  // lib/env refuses a PostgreSQL DATABASE_URL without AUTH_SECRET...
  process.env.AUTH_SECRET ||= "integration-tests-only-secret-0123456789abcdef";
  // ...and without ENCRYPTION_KEY (32 bytes, base64).
  process.env.ENCRYPTION_KEY ||= "q7Lr1mT9y2pXz0cVbN4sWd8fGh3jKl6oPe5uRi7tYa0=";
  const target = currentDatabaseTarget();
  // lib/env caches the environment on first use: fail loudly if something read it before DATABASE_URL was set.
  if (JSON.stringify(target) !== JSON.stringify(database.target)) {
    throw new Error(`lib/db would connect to ${JSON.stringify(target)}, not the test database ${JSON.stringify(database.target)}`);
  }
}

export type TestDatabase = {
  /** The migrated database of this test file (available from beforeAll on). */
  readonly current: ScratchDatabase;
  /** Deletes every row of every model's table, for tests that need an empty install. */
  reset(): Promise<void>;
};

/**
 * Registers beforeAll/afterAll hooks: a fresh database, migrated, with lib/db pointed at it; afterwards the client is
 * disconnected and the database removed.
 */
export function useTestDatabase(): TestDatabase {
  let database: ScratchDatabase | undefined;
  beforeAll(async () => {
    database = await createScratchDatabase();
    await migrate(database.target, repoRoot);
    await pointAppAt(database);
  });
  afterAll(async () => {
    await allWorkAfterAnswers();
    await forgetAppClient();
    await database?.drop();
  });
  return {
    get current() {
      if (!database) throw new Error("the test database is created in beforeAll");
      return database;
    },
    async reset() {
      await resetAppDatabase();
    },
  };
}

/** Empties every model's table through the app's client. */
export async function resetAppDatabase(): Promise<void> {
  // A title the last test's new chat is still writing (after its answer) would land in the next test's rows and
  // backend counters.
  await allWorkAfterAnswers();
  const db = getDb();
  const { Prisma } = await import("@/lib/db/generated/sqlite");
  const tables = Prisma.dmmf.datamodel.models.map((model) => quoteIdentifier(model.dbName ?? model.name));
  if (testProvider() === "postgres") {
    await db.$executeRawUnsafe(`TRUNCATE TABLE ${tables.join(", ")} CASCADE`);
    return;
  }
  // Every relation cascades or sets null, so the order does not matter; one transaction keeps it quick.
  await db.$transaction(tables.map((table) => db.$executeRawUnsafe(`DELETE FROM ${table}`)));
}
