// Prepares one end-to-end run: a fresh temp folder for the SQLite app server and a fresh PostgreSQL database.
// run.mjs imports it; playwright.config.ts runs it as a script when Playwright is started directly. Either way the
// result is a handful of E2E_* environment variables that the config and the test workers read.
//
// Environment read:
//   TEST_POSTGRES_URL  an admin connection (default postgresql://postgres@127.0.0.1:5432/postgres)
//   E2E_POSTGRES_DB    the database dropped and created for the run (default chat_e2e)
//   REQUIRE_POSTGRES   "1": an unreachable PostgreSQL is an error instead of a skipped project
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

export const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/** Drops and creates the test database; returns its URL, or null and the reason when PostgreSQL is unreachable. */
export async function preparePostgres({
  adminUrl = process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL,
  database = process.env.E2E_POSTGRES_DB || "chat_e2e",
} = {}) {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`E2E_POSTGRES_DB must be a plain identifier, got ${database}`);
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    return { url: null, reason: `cannot connect to ${redact(adminUrl)}: ${error.message || error.code || error}` };
  }
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return { url: url.toString(), reason: null };
}

/** Run folders older than a day are left-overs of runs that kept theirs (failed runs, direct `playwright test`). */
function pruneOldRunFolders() {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith("chat-e2e-")) continue;
    const folder = path.join(os.tmpdir(), name);
    try {
      if (statSync(folder).mtimeMs < dayAgo) rmSync(folder, { recursive: true, force: true });
    } catch {
      // another run removed it, or not ours to remove
    }
  }
}

/** Everything one run needs, as environment variables (strings; "" for none). */
export async function prepareRun() {
  pruneOldRunFolders();
  const runDir = mkdtempSync(path.join(os.tmpdir(), "chat-e2e-"));
  const sqliteDataDir = path.join(runDir, "sqlite-data");
  mkdirSync(sqliteDataDir, { recursive: true });
  mkdirSync(path.join(runDir, "auth"), { recursive: true });
  const postgres = await preparePostgres();
  if (!postgres.url && process.env.REQUIRE_POSTGRES === "1") {
    throw new Error(
      `REQUIRE_POSTGRES=1 but PostgreSQL is unreachable (${postgres.reason}). ` +
        "Start it (e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set TEST_POSTGRES_URL.",
    );
  }
  return {
    E2E_RUN_DIR: runDir,
    E2E_SQLITE_DATA_DIR: sqliteDataDir,
    E2E_POSTGRES_URL: postgres.url ?? "",
    E2E_POSTGRES_SKIP_REASON: postgres.reason ?? "",
    E2E_POSTGRES_AUTH_SECRET: randomBytes(32).toString("base64"),
    E2E_POSTGRES_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
}

// As a script: print the variables as JSON on stdout (messages go to stderr).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  prepareRun().then(
    (vars) => process.stdout.write(JSON.stringify(vars)),
    (error) => {
      console.error(`[e2e] ${error.message}`);
      process.exit(1);
    },
  );
}
