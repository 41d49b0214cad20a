// Starts the built app (`next start`, as the README deploys it) on a fresh SQLite folder or a fresh PostgreSQL
// database, with one model pointing at the bench's fake backend.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { startNextApp } from "../../tests/support/next-app";
import { adminQuery, databaseUrl as postgresDatabaseUrl, testPostgresUrl } from "../../tests/support/postgres";

export type Database = "sqlite" | "postgres";

export interface AppServer {
  database: Database;
  url: string;
  /** The process whose tree is measured. */
  pid: number;
  stop(): Promise<void>;
}

export const BENCH_MODEL_ID = "bench-vllm";

const root = path.resolve(import.meta.dirname, "../..");
export async function startAppServer(options: {
  database: Database;
  port: number;
  runDir: string;
  backendUrl: string;
  /** Extra environment (e.g. MAX_CONCURRENT_ANSWERS) for experiments. */
  env?: Record<string, string>;
}): Promise<AppServer> {
  const { database, port, runDir } = options;
  const url = `http://127.0.0.1:${port}`;
  const dataDir = path.join(runDir, `${database}-data`);
  mkdirSync(dataDir, { recursive: true });
  const modelsFile = path.join(runDir, `${database}-models.yaml`);
  writeFileSync(
    modelsFile,
    stringify({
      models: [
        {
          id: BENCH_MODEL_ID,
          name: "Bench (fake vLLM)",
          default: true,
          provider: "openai-compatible",
          endpoint: `${options.backendUrl}/v1`,
          model: "meta-llama/Llama-2-7b-chat-hf",
        },
      ],
    }),
  );
  let pgDatabase: string | null = null;
  let databaseUrl = "";
  if (database === "postgres") {
    pgDatabase = `chat_bench_${randomBytes(4).toString("hex")}`;
    await adminQuery(`CREATE DATABASE "${pgDatabase}"`);
    databaseUrl = postgresDatabaseUrl(testPostgresUrl(), pgDatabase);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    APP_URL: url,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    OIDC_ISSUER: "",
    OIDC_CLIENT_ID: "",
    OIDC_CLIENT_SECRET: "",
    LOCAL_ACCOUNTS: "true",
    LOCAL_SIGNUP: "true",
    ADMIN_EMAILS: "",
    ALLOWED_EMAIL_DOMAINS: "",
    DB_LOG_QUERIES: "",
    MODELS_FILE: modelsFile,
    REDIS_URL: "",
    ...options.env,
  };
  const app = await startNextApp({
    root,
    port,
    env,
    label: "the app",
    healthTimeoutMs: 120_000,
    cleanup: async () => {
      if (pgDatabase) await adminQuery(`DROP DATABASE IF EXISTS "${pgDatabase}" WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
  if (app.child.pid === undefined) throw new Error("the app has no pid");
  return { database, url, pid: app.child.pid, stop: app.stop };
}
