// `npm run bench:server`: how many simultaneous answers the built app holds. Starts the built app (`npm run build`
// first) on SQLite and on PostgreSQL, a fake OpenAI-compatible backend (200 tokens, 5 ms apart) in its own process,
// signs up on each app, then for every load sends new chats through POST /api/chat and the same requests straight
// to the backend, interleaved in one run so the ratios compare like with like on a noisy machine. Prints one table
// and writes test-results/bench-server.json. Asserts nothing.
//
//   npm run bench:server -- --levels 10,50 --sequential 20 --rounds 2 --databases sqlite --app-env MAX_CONCURRENT_ANSWERS=64
// `--timings-dir DIR` also writes every measured load's requests, in the order they were sent, one JSON file each
// (to see, say, whether a burst's first tokens come by arrival).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startVllmProcess } from "../../tests/fakes/vllm-process-spawn";
import { type AppServer, BENCH_MODEL_ID, type Database, startAppServer } from "./app-server";
import { combineRounds, figuresOf, type Level, type Measurement, table } from "./figures";
import { appTarget, burst, directTarget, oneAtATime, type RequestTiming, type Target, targetAgent } from "./load";
import { cpuSeconds, watchPeakRss } from "./proc-stats";
import { signUp } from "./sign-in";

const root = path.resolve(import.meta.dirname, "../..");
const TOKENS = 200;
const DIRECT = "backend direct";

const { values: args } = parseArgs({
  options: {
    levels: { type: "string", default: "10,50,200,500" },
    sequential: { type: "string", default: "30" },
    rounds: { type: "string", default: "1" },
    databases: { type: "string", default: "sqlite,postgres" },
    "port-base": { type: "string", default: process.env.BENCH_PORT_BASE ?? "4300" },
    "app-env": { type: "string", multiple: true, default: [] },
    out: { type: "string", default: path.join(root, "test-results", "bench-server.json") },
    "timings-dir": { type: "string" },
  },
});

/** Waits until the process tree uses under 5 % of a core, so one load does not eat into the next one's figures. */
async function waitUntilIdle(pid: number, limitMs = 20_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (cpuSeconds(pid) - before < 0.015) return;
  }
}

async function measure(target: Target, pid: number, level: Level, offset: number): Promise<{ timings: RequestTiming[]; cpu: number; peakRss: number }> {
  const agent = targetAgent();
  const cpuBefore = cpuSeconds(pid);
  const stopWatching = watchPeakRss(pid);
  const timings = level === "one at a time" ? await oneAtATime(target, Number(args.sequential), agent, offset) : await burst(target, level, agent, offset);
  const cpu = cpuSeconds(pid) - cpuBefore;
  const peakRss = stopWatching();
  agent.destroy();
  return { timings, cpu, peakRss };
}

function writeTimings(directory: string, name: string, timings: RequestTiming[]): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, `${name.replace(/[^a-z0-9-]+/gi, "-")}.json`), `${JSON.stringify(timings)}\n`);
}

async function main(): Promise<void> {
  if (os.platform() !== "linux") throw new Error("bench:server reads CPU and memory from /proc: Linux only");
  if (!existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("no build found: run `npm run build` first");
  const portBase = Number(args["port-base"]);
  const levels: Level[] = ["one at a time", ...(args.levels as string).split(",").filter(Boolean).map(Number)];
  const databases = (args.databases as string).split(",").filter(Boolean) as Database[];
  const appEnv = Object.fromEntries((args["app-env"] as string[]).map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
  const runDir = mkdtempSync(path.join(os.tmpdir(), "chat-bench-server-"));
  const started = Date.now();

  const fake = await startVllmProcess({ port: portBase + 50, tokens: TOKENS, tokenDelayMs: 5 });
  const apps: AppServer[] = [];
  try {
    for (const [index, database] of databases.entries()) {
      apps.push(await startAppServer({ database, port: portBase + 1 + index, runDir, backendUrl: fake.url, env: appEnv }));
    }
    const targets: { target: Target; pid: number }[] = [{ target: directTarget(fake.url, TOKENS), pid: fake.child.pid as number }];
    for (const app of apps) {
      const cookie = await signUp(app.url);
      targets.push({ target: appTarget(`app ${app.database}`, app.url, cookie, BENCH_MODEL_ID, TOKENS), pid: app.pid });
    }
    // Warm-up: JIT, connection pools, Prisma's query compiler, the model cache.
    for (const { target, pid } of targets) {
      await measure(target, pid, "one at a time", 0);
      await measure(target, pid, 20, 0);
    }

    const measurements: Measurement[] = [];
    let offset = 1_000;
    for (const level of levels) {
      for (let round = 1; round <= Number(args.rounds); round++) {
        for (const { target, pid } of targets) {
          for (const other of targets) await waitUntilIdle(other.pid);
          const { timings, cpu, peakRss } = await measure(target, pid, level, offset);
          offset += timings.length;
          if (args["timings-dir"]) writeTimings(args["timings-dir"], `${target.name}-${level}-round-${round}`, timings);
          const figures = figuresOf(timings, cpu, peakRss);
          measurements.push({ level, target: target.name, round, figures });
          const failed = figures.failures ? `, ${figures.failures} failed: ${figures.failureSamples.join(" | ")}` : "";
          console.error(`  ${String(level).padEnd(13)} ${target.name.padEnd(14)} round ${round}: ${Math.round(figures.tokensPerSecond)} tokens/s${failed}`);
        }
      }
    }

    const combined = combineRounds(measurements);
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")} at the end`;
    const report = {
      date: new Date().toISOString(),
      machine,
      backend: { tokens: TOKENS, tokenDelayMs: 5 },
      appEnv,
      rounds: Number(args.rounds),
      sequentialRequests: Number(args.sequential),
      measurements,
      combined,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    mkdirSync(path.dirname(args.out as string), { recursive: true });
    writeFileSync(args.out as string, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\n${machine}\n${TOKENS} tokens 5 ms apart per answer; every app figure also as a ratio to the backend direct (same run).\n`);
    console.log(table(combined, DIRECT));
    console.log(`\nWritten to ${path.relative(root, args.out as string)} in ${report.durationSeconds} s.`);
  } finally {
    for (const app of apps) await app.stop().catch((error: unknown) => console.error(error));
    await fake.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
