import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { describe } from "vitest";
import { repoRoot } from "./database";

// The real llama.cpp `llama-server` with a tiny random-weight model that carries Meta's Llama 2 chat template
// (../shared/real-servers/README.md). CI clones the repo beside `shared/`, hence the path relative to the repo root;
// REAL_SERVERS_DIR points elsewhere (e.g. a worktree). Absent, the tests are skipped with a loud message, unless
// REQUIRE_REAL_SERVERS=1 (as .ci/run sets), which makes that a failure.

export const REAL_SERVERS_DIR = process.env.REAL_SERVERS_DIR ?? path.resolve(repoRoot, "../shared/real-servers");
const BINARY = path.join(REAL_SERVERS_DIR, "llama-server");
const MODEL = path.join(REAL_SERVERS_DIR, "tiny.gguf");

function banner(message: string): string {
  const line = "!".repeat(Math.min(110, message.length + 8));
  return `\n${line}\n!!! ${message}\n${line}\n`;
}

/** `describe` that runs only when the real server is there (see above). */
export function describeWithRealServer(name: string, body: () => void): void {
  const present = existsSync(BINARY) && existsSync(MODEL);
  if (!present) {
    const message = `The real llama-server is not at ${REAL_SERVERS_DIR}: skipping "${name}"`;
    if (process.env.REQUIRE_REAL_SERVERS === "1") throw new Error(`${message} — and REQUIRE_REAL_SERVERS=1 requires it (set REAL_SERVERS_DIR).`);
    console.warn(banner(`${message} (set REAL_SERVERS_DIR, or REQUIRE_REAL_SERVERS=1 to make this a failure)`));
  }
  (present ? describe : describe.skip)(name, body);
}

export interface RunningLlamaServer {
  url: string;
  /** The model name the server reports (its -m path). */
  modelName: string;
  /** The server's own log so far (the latest 50 kB). */
  log(): string;
  /** Whether any slot is generating (GET /slots). */
  busy(): Promise<boolean>;
  /** Tokens of the prompt the server builds from these messages with the model's template (BOS included). */
  promptTokens(messages: Array<{ role: string; content: string }>): Promise<number>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts llama-server on a free port and waits for GET /health to answer 200. */
export async function startLlamaServer(
  options: { contextSize?: number; parallel?: number; maxTokens?: number; contextShift?: boolean } = {},
): Promise<RunningLlamaServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = ["-m", MODEL, "--host", "127.0.0.1", "--port", String(port), "-c", String(options.contextSize ?? 512), "-n", String(options.maxTokens ?? 64)];
  if (options.parallel) args.push("-np", String(options.parallel));
  // Generation past the context goes on (the oldest tokens dropped) instead of ending there: a request can hold a
  // slot for as long as a test needs. A prompt over the context is still refused.
  if (options.contextShift) args.push("--context-shift");
  const child: ChildProcess = spawn(BINARY, args, { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-50_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`llama-server exited with ${child.exitCode}: ${log}`);
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`llama-server did not become healthy within 30 s: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const models = (await (await fetch(`${url}/v1/models`)).json()) as { data: Array<{ id: string }> };
  const post = async (route: string, body: unknown) =>
    (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json() as Promise<
      Record<string, unknown>
    >;
  return {
    url,
    modelName: models.data[0]?.id ?? "",
    log: () => log,
    async busy() {
      const slots = (await (await fetch(`${url}/slots`)).json()) as Array<{ is_processing: boolean }>;
      return slots.some((slot) => slot.is_processing);
    },
    async promptTokens(messages) {
      const { prompt } = await post("/apply-template", { messages });
      const { tokens } = await post("/tokenize", { content: prompt, add_special: true, parse_special: true });
      return (tokens as unknown[]).length;
    },
    close,
  };
}
