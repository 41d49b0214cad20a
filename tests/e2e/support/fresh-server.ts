import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import type { BackendOptions } from "../fixtures";

// A second app server on an empty database with no models, started by the spec that needs a fresh install (the first
// account, the empty chat, the model lifecycle, approval of new SSO users). Each start gets a new database, so a retried
// test starts from nothing again.

const root = path.resolve(__dirname, "../../..");

export type FreshServer = { url: string; stop: () => Promise<void> };

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the fresh server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the fresh server did not answer ${url}/api/health within 90 s:\n${output()}`);
}

// As in support/prepare.mjs (which Playwright's TypeScript loader cannot import: it is an ES module script).
const ADMIN_POSTGRES_URL = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_POSTGRES_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const dropDatabase = (name: string) => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);

export async function startFreshServer(backend: BackendOptions): Promise<FreshServer> {
  const runDir = process.env.E2E_RUN_DIR;
  if (!runDir) throw new Error("E2E_RUN_DIR is not set: start the tests with `npm run test:e2e`");
  const suffix = randomBytes(4).toString("hex");
  const dataDir = path.join(runDir, `fresh-${backend.name}-${suffix}`);
  mkdirSync(dataDir, { recursive: true });
  let database: string | null = null;
  let databaseUrl = "";
  if (backend.name === "postgres") {
    database = `${process.env.E2E_POSTGRES_DB || "chat_e2e"}_fresh_${suffix}`;
    await adminQuery(`CREATE DATABASE "${database}"`);
    const url = new URL(ADMIN_POSTGRES_URL);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
  }
  const env = {
    ...process.env,
    ...backend.fresh.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: backend.name === "postgres" ? randomBytes(32).toString("base64") : "",
    ENCRYPTION_KEY: backend.name === "postgres" ? randomBytes(32).toString("base64") : "",
  };
  const { port } = new URL(backend.fresh.url);
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--hostname", "127.0.0.1", "--port", port], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (database) await dropDatabase(database);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(backend.fresh.url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: backend.fresh.url, stop };
}

/** A loopback port nothing listens on: a model endpoint there is a backend that is down. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}
