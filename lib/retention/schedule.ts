import "server-only";
import { randomUUID } from "node:crypto";
import { runRetention } from "./run-retention";

const RUN_EVERY_MS = 60 * 60_000;

// One id per server process: the lease names the instance that holds it.
const instanceId = randomUUID();

async function runAndLog(): Promise<void> {
  try {
    const outcome = await runRetention({ holder: instanceId });
    if (outcome.status === "ran" && outcome.deleted > 0) console.log(`[retention] deleted ${outcome.deleted} old conversation(s)`);
  } catch (error) {
    console.error("[retention] run failed:", (error as Error).message);
  }
}

/** Runs retention now (without delaying the start) and then every hour; the timer never keeps the process alive. */
export function startRetentionJob(): void {
  void runAndLog();
  setInterval(() => void runAndLog(), RUN_EVERY_MS).unref();
}
