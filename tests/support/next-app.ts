import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

// The built app started as the README deploys it (`next start`), for a process the bench measures or a second server
// an e2e spec needs. No vitest or Playwright import: both load it.

/** How long the tail of the app's output kept for an error message is. */
const LOG_TAIL_CHARS = 20_000;

export type NextApp = {
  /** The process (whose tree the bench measures). */
  child: ChildProcess;
  /** Stops the app (SIGTERM, SIGKILL after 5 s), then runs `cleanup`. */
  stop(): Promise<void>;
};

async function waitForHealth(url: string, label: string, timeoutMs: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${label} did not answer ${url}/api/health within ${timeoutMs / 1000} s:\n${log()}`);
}

/**
 * `next start` in `root` on 127.0.0.1:`port` with `env`; resolves once /api/health answers. If it does not (or the
 * process exits), the app is stopped, `cleanup` runs and the error carries the app's last output.
 */
export async function startNextApp(options: {
  root: string;
  port: number | string;
  env: NodeJS.ProcessEnv;
  /** Names the app in errors, e.g. "the fresh server". */
  label: string;
  healthTimeoutMs: number;
  /** After the process ended: what was made for it (its data folder, its database). */
  cleanup: () => Promise<void>;
}): Promise<NextApp> {
  const { root, port, env, label, healthTimeoutMs, cleanup } = options;
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-LOG_TAIL_CHARS);
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
    await cleanup();
  };
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, label, healthTimeoutMs, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, stop };
}
