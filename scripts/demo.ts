// `npm run demo`: the app with demo models only, each answered by a local fake backend (tests/fakes), so it can be
// tried without any real LLM endpoint.
//
//  1. starts every fake backend on consecutive ports from FAKES_BASE_PORT (default 4100)
//  2. writes data/demo-models.yaml, the MODELS_FILE listing one demo model per fake (fake keys included)
//  3. `next build`, unless SKIP_BUILD=1 and a build exists
//  4. `next start` with MODELS_FILE set (PORT, default 3000) and EVAL_SETS_DIR=examples/evals (the example evaluation
//     set, under Admin → Evaluations), and prints the address once it answers
//
// Ctrl-C stops everything. The rest of the configuration (.env.local, DATA_DIR, sign-in) is the app's usual one.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { DEMO_MODELS, runningFakeUrls, writeDemoModelsFile } from "../tests/e2e/support/models-file";
import { type AllFakes, startAllFakes } from "../tests/fakes";

const root = path.resolve(__dirname, "..");
const modelsFile = path.join(root, "data", "demo-models.yaml");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const port = Number(process.env.PORT || 3000);
const appUrl = process.env.APP_URL || `http://localhost:${port}`;
/** Slow enough to watch the answers stream in. */
const DEMO_TOKEN_DELAY_MS = 60;

const log = (message: string) => console.log(`[demo] ${message}`);

let fakes: AllFakes | undefined;
let child: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  stopping = true;
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child?.once("exit", resolve));
  }
  await fakes?.close();
  process.exit(code);
}

function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  child = spawn(process.execPath, [nextBin, ...args], { cwd: root, stdio: "inherit", env });
  return child;
}

function exitCode(processToWatch: ChildProcess): Promise<number> {
  return new Promise((resolve) => processToWatch.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<boolean> {
  for (let attempt = 0; attempt < 240 && child.exitCode === null; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function main(): Promise<void> {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const basePort = Number(process.env.FAKES_BASE_PORT || 4100);
  fakes = await startAllFakes({ basePort });
  for (const fake of [fakes.azure, fakes.tgi, fakes.vllm, fakes.llamaCpp, fakes.ollama, fakes.ai21]) fake.timings.tokenDelayMs = DEMO_TOKEN_DELAY_MS;
  for (const fake of fakes.list) log(`fake ${fake.name.padEnd(14)} ${fake.url}`);

  writeDemoModelsFile(modelsFile, runningFakeUrls(fakes));
  log(`${Object.keys(DEMO_MODELS).length} demo models written to ${path.relative(root, modelsFile)}`);

  const env = {
    ...process.env,
    MODELS_FILE: modelsFile,
    EVAL_SETS_DIR: process.env.EVAL_SETS_DIR || path.join(root, "examples", "evals"),
    PORT: String(port),
    APP_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (process.env.SKIP_BUILD === "1" && existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("SKIP_BUILD=1: using the existing build");
  } else {
    log("next build");
    const code = await exitCode(runNext(["build"], env));
    if (code !== 0 || stopping) return void shutdown(code || 1);
  }

  log("next start");
  const server = runNext(["start", "--port", String(port)], env);
  void exitCode(server).then((code) => !stopping && shutdown(code));
  if (await waitUntilUp(`http://127.0.0.1:${port}/api/health`, server)) {
    log(`ready: open ${appUrl} (the first account you create is the admin). Ctrl-C stops the demo.`);
    log("Misbehave on purpose with a phrase in your message, e.g. [[fake:rate-limit]], [[fake:mid-stream-error]], [[fake:content-filter]].");
  }
}

main().catch(async (error: unknown) => {
  console.error("[demo]", error instanceof Error ? error.message : error);
  await shutdown(1);
});
