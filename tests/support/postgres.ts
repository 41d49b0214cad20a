import pg from "pg";

// Shared by vitest.config.ts, the PostgreSQL global setup and the database helper: where the admin connection is,
// and whether PostgreSQL answers there.

export const DEFAULT_TEST_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** The admin connection used to CREATE and DROP one throwaway database per integration test file. */
export function testPostgresUrl(): string {
  return process.env.TEST_POSTGRES_URL || DEFAULT_TEST_POSTGRES_URL;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable TEST_POSTGRES_URL)";
  }
}

/** The same server and credentials as `adminUrl`, but database `name`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** Null when PostgreSQL answers `SELECT 1` at `url`; otherwise why not. */
export async function postgresProblem(url: string, timeoutMs = 3_000): Promise<string | null> {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  } catch (error) {
    return (error as Error).message;
  }
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const err = error as Error & { code?: string };
    return err.message || err.code || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function withAdminClient<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Runs one statement on the admin connection at TEST_POSTGRES_URL, e.g. CREATE or DROP DATABASE. */
export async function adminQuery(sql: string): Promise<void> {
  await withAdminClient(testPostgresUrl(), (client) => client.query(sql));
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Throwaway databases are named chat_test_<unix seconds>_<random>_..., so stale ones from a crashed run are found by age. */
export const DATABASE_NAME_PREFIX = "chat_test_";
