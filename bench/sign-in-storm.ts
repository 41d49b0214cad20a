// `npm run bench:sign-in`: 200 simultaneous password sign-ins against a running build, while GET /api/health is asked
// every 50 ms; prints how long health took (issue 16: it must stay under 1 s) and how the sign-ins were answered.
// Asserts nothing (timings depend on the machine). Needs `npm run build` first. It starts `next start` on a fresh
// SQLite under a temp folder (BENCH_PORT, default 3390), or uses BENCH_URL if given.
// Each sign-in names another email and another client address (X-Forwarded-For), as a storm from many clients would,
// so it is the hashing bound (lib/auth/hash-slots.ts), not the per-account or per-address lockout, that is measured.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const SIGN_INS = Number(process.env.BENCH_SIGN_INS ?? 200);
const HEALTH_EVERY_MS = 50;
const root = path.resolve(import.meta.dirname, "..");

async function startServer(): Promise<{ url: string; stop: () => void }> {
  if (process.env.BENCH_URL) return { url: process.env.BENCH_URL.replace(/\/$/, ""), stop: () => undefined };
  const port = Number(process.env.BENCH_PORT ?? 3390);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "chat-bench-"));
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "", APP_URL: url, LOCAL_ACCOUNTS: "true", OIDC_ISSUER: "" },
    stdio: "ignore",
  });
  const stop = () => {
    child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let waited = 0; waited < 60_000; waited += 250) {
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error(`the app did not become healthy at ${url} within 60 s (did you run npm run build?)`);
}

async function csrf(url: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { token: csrfToken, cookie };
}

async function signIn(url: string, { token, cookie }: { token: string; cookie: string }, index: number): Promise<string> {
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": `198.18.${index >> 8}.${index & 255}` },
    body: new URLSearchParams({ csrfToken: token, email: `storm-${index}@example.com`, password: `wrong-password-${index}`, json: "true" }),
  });
  const location = response.headers.get("location") ?? ((await response.json().catch(() => ({}))) as { url?: string }).url ?? "";
  return new URL(location, url).searchParams.get("error")?.replace(/-\d+$/, "") ?? `HTTP ${response.status}`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const BASELINE_MS = 3_000;
const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;

type Probe = { ms: number; samples: Array<{ at: number; ms: number }> };

/** Asks GET /api/health every HEALTH_EVERY_MS while `work` runs; each sample with when it was sent (from the start). */
async function probeHealth(url: string, work: () => Promise<unknown>): Promise<Probe> {
  const samples: Probe["samples"] = [];
  const started = performance.now();
  let running = true;
  const probe = (async () => {
    while (running) {
      const sent = performance.now();
      await fetch(`${url}/api/health`).then((response) => response.arrayBuffer());
      samples.push({ at: sent - started, ms: performance.now() - sent });
      await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
    }
  })();
  await work();
  const ms = performance.now() - started;
  running = false;
  await probe;
  return { ms, samples };
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    const token = await csrf(server.url);
    // Warm-up: the first sign-in pays for compiling the route and the dummy hash.
    await signIn(server.url, token, 0);

    // The same probe first without a storm, so the storm's figures compare with this machine's own baseline.
    const baseline = await probeHealth(server.url, () => new Promise((resolve) => setTimeout(resolve, BASELINE_MS)));
    let answers: string[] = [];
    const storm = await probeHealth(server.url, async () => {
      answers = await Promise.all(Array.from({ length: SIGN_INS }, (_, index) => signIn(server.url, token, index + 1)));
    });

    const counts = Object.entries(answers.reduce<Record<string, number>>((all, code) => ({ ...all, [code]: (all[code] ?? 0) + 1 }), {}));
    console.log(
      `${SIGN_INS} simultaneous sign-ins answered in ${(storm.ms / 1000).toFixed(1)} s: ${counts.map(([code, count]) => `${code} ${count}`).join(", ")}`,
    );
    console.log(`GET /api/health every ${HEALTH_EVERY_MS} ms (target during the storm: under 1000 ms), load average ${os.loadavg()[0]?.toFixed(1)}`);
    console.log("               calls  median     p95     max  max at");
    for (const [label, run] of [
      ["no storm", baseline],
      ["storm", storm],
    ] as const) {
      const max = Math.max(...run.samples.map((sample) => sample.ms));
      const at = run.samples.find((sample) => sample.ms === max)?.at ?? 0;
      const ms = run.samples.map((sample) => sample.ms);
      console.log(
        `  ${label.padEnd(11)} ${String(ms.length).padStart(6)} ${fmt(percentile(ms, 50))} ${fmt(percentile(ms, 95))} ${fmt(max)} ${(at / 1000).toFixed(1).padStart(6)} s`,
      );
    }
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
