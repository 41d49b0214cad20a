// Starts the built app (`next start`, as the README deploys it) on a fresh SQLite folder or a fresh PostgreSQL
// database, with one model pointing at the bench's fake backend.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { stringify } from "yaml";

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

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer ${url}/api/health within 120 s:\n${log()}`);
}

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
    const parsed = new URL(ADMIN_POSTGRES_URL);
    parsed.pathname = `/${pgDatabase}`;
    databaseUrl = parsed.toString();
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
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--hostname", "127.0.0.1", "--port", String(port)], {
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
    if (pgDatabase) await adminQuery(`DROP DATABASE IF EXISTS "${pgDatabase}" WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid === undefined) throw new Error("the app has no pid");
  return { database, url, pid: child.pid, stop };
}
