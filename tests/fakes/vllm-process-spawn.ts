import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export interface VllmProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts tests/fakes/vllm-process.ts in a child process (tsx) and waits until it listens. */
export function startVllmProcess(options: { port?: number; tokens: number; tokenDelayMs: number }): Promise<VllmProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "vllm-process.ts")], {
    env: {
      ...process.env,
      BENCH_FAKE_PORT: String(options.port ?? 0),
      BENCH_TOKENS: String(options.tokens),
      BENCH_TOKEN_DELAY_MS: String(options.tokenDelayMs),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the fake vLLM process exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      const match = /ready (\S+)/.exec(chunk.toString());
      if (match) resolve({ url: match[1] as string, child, stop });
    });
  });
}
