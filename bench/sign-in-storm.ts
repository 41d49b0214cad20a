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

async function main(): Promise<void> {
  const server = await startServer();
  try {
    const token = await csrf(server.url);
    // Warm-up: the first sign-in pays for compiling the route and the dummy hash.
    await signIn(server.url, token, 0);

    const healthTimes: number[] = [];
    let storming = true;
    const probe = (async () => {
      while (storming) {
        const started = performance.now();
        await fetch(`${server.url}/api/health`).then((response) => response.arrayBuffer());
        healthTimes.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
      }
    })();
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: SIGN_INS }, (_, index) => signIn(server.url, token, index + 1)));
    const stormMs = performance.now() - started;
    storming = false;
    await probe;

    const counts = Object.entries(answers.reduce<Record<string, number>>((all, code) => ({ ...all, [code]: (all[code] ?? 0) + 1 }), {}));
    console.log(
      `${SIGN_INS} simultaneous sign-ins answered in ${(stormMs / 1000).toFixed(1)} s: ${counts.map(([code, count]) => `${code} ${count}`).join(", ")}`,
    );
    console.log(
      `GET /api/health during the storm (${healthTimes.length} calls): median ${percentile(healthTimes, 50).toFixed(0)} ms, ` +
        `p95 ${percentile(healthTimes, 95).toFixed(0)} ms, max ${Math.max(...healthTimes).toFixed(0)} ms (target: under 1000 ms)`,
    );
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
