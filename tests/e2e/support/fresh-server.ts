import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { startNextApp } from "../../support/next-app";
import { adminQuery, databaseUrl as postgresDatabaseUrl, testPostgresUrl } from "../../support/postgres";
import type { BackendOptions } from "../fixtures";

// A second app server on an empty database with no models, started by the spec that needs a fresh install (the first
// account, the empty chat, the model lifecycle, approval of new SSO users). Each start gets a new database, so a retried
// test starts from nothing again.

const root = path.resolve(__dirname, "../../..");

export type FreshServer = { url: string; stop: () => Promise<void> };

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
    databaseUrl = postgresDatabaseUrl(testPostgresUrl(), database);
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
  const app = await startNextApp({
    root,
    port,
    env,
    label: "the fresh server",
    healthTimeoutMs: 90_000,
    cleanup: async () => {
      if (database) await dropDatabase(database);
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
  return { url: backend.fresh.url, stop: app.stop };
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
