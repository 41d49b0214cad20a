import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { DATABASE_NAME_PREFIX, postgresProblem, quoteIdentifier, redactUrl, testPostgresUrl, withAdminClient } from "./postgres";

// Global setup of the "postgres" project. vitest.config.ts only includes that project when PostgreSQL answered or
// REQUIRE_POSTGRES=1; in the second case an unreachable server must fail the run, and this is where it does.

declare module "vitest" {
  export interface ProvidedContext {
    /** Every throwaway database of this run starts with it; teardown drops whatever is left. */
    postgresDatabasePrefix: string;
  }
}

const STALE_AFTER_SECONDS = 6 * 60 * 60;

async function dropDatabases(adminUrl: string, names: string[]) {
  if (names.length === 0) return;
  await withAdminClient(adminUrl, async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  });
}

async function databasesStartingWith(adminUrl: string, prefix: string): Promise<string[]> {
  return withAdminClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    return rows.map((row) => row.datname);
  });
}

export default async function setup(project: TestProject) {
  const adminUrl = testPostgresUrl();
  const problem = await postgresProblem(adminUrl);
  if (problem) {
    throw new Error(
      `PostgreSQL not reachable at ${redactUrl(adminUrl)} (${problem}). REQUIRE_POSTGRES=1 requires the PostgreSQL ` +
        "suite: start PostgreSQL or point TEST_POSTGRES_URL at an admin connection that may CREATE DATABASE.",
    );
  }

  // Databases a crashed earlier run left behind (old enough that no run still uses them).
  const now = Math.floor(Date.now() / 1000);
  const stale = (await databasesStartingWith(adminUrl, DATABASE_NAME_PREFIX)).filter((name) => {
    const created = Number(name.slice(DATABASE_NAME_PREFIX.length).split("_")[0]);
    return Number.isFinite(created) && now - created > STALE_AFTER_SECONDS;
  });
  await dropDatabases(adminUrl, stale);

  const prefix = `${DATABASE_NAME_PREFIX}${now}_${randomBytes(3).toString("hex")}_`;
  project.provide("postgresDatabasePrefix", prefix);

  return async () => {
    await dropDatabases(adminUrl, await databasesStartingWith(adminUrl, prefix));
  };
}
