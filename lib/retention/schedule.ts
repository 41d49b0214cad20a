import "server-only";
import { randomUUID } from "node:crypto";
import { errorFields, log } from "@/lib/server/log";
import { runRetention } from "./run-retention";

const RUN_EVERY_MS = 60 * 60_000;

// One id per server process: the lease names the instance that holds it.
const instanceId = randomUUID();

async function runAndLog(): Promise<void> {
  try {
    const outcome = await runRetention({ holder: instanceId });
    if (outcome.status === "ran" && outcome.deleted > 0) log.info({ area: "retention", deleted: outcome.deleted }, "deleted old conversations");
  } catch (error) {
    log.error({ area: "retention", ...errorFields(error) }, "retention run failed");
  }
}

/** Runs retention now (without delaying the start) and then every hour; the timer never keeps the process alive. */
export function startRetentionJob(): void {
  void runAndLog();
  setInterval(() => void runAndLog(), RUN_EVERY_MS).unref();
}
