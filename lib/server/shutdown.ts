import "server-only";
import { ApiError } from "@/lib/api/errors";
import { allWorkAfterAnswers } from "@/lib/chat/after-answer";
import { type ActiveGeneration, allActiveGenerations } from "@/lib/chat/generation-registry";
import { abortAndAwaitStored } from "@/lib/chat/stop";
import { markMessagesInterrupted } from "@/lib/db/messages";
import { log } from "@/lib/server/log";
import { countAdmissionRefusal } from "@/lib/server/metrics";

// Graceful shutdown. On SIGTERM the instance stops being ready (the load balancer takes it out), refuses new answers
// with 503 (the client retries on another instance), lets the answers it is writing finish for up to the grace
// period, then cuts the rest: each is stored with its text so far and marked interrupted. Requests keep being
// served meanwhile, so a reader can follow an answer to its end and Stop still works.

const globalForShutdown = globalThis as unknown as { chatShutdown?: { startedAt: number; done: Promise<ShutdownReport> } };

export interface ShutdownReport {
  /** Answers that ended on their own within the grace period. */
  finished: number;
  /** Answers cut at the end of the grace period, stored as interrupted. */
  interrupted: number;
}

/** True from the first SIGTERM on: readiness answers 503 and no new answer starts. */
export function isShuttingDown(): boolean {
  return globalForShutdown.chatShutdown !== undefined;
}

/** Refuses a new answer once shutdown has begun (503 with a short Retry-After, so the client retries elsewhere). */
export function refuseNewAnswersWhenShuttingDown(): void {
  if (!isShuttingDown()) return;
  countAdmissionRefusal("shutting_down");
  throw new ApiError("shutting_down", "The server is restarting. Send again in a moment.", { retryAfterMs: 2_000 });
}

/**
 * Drains the answers of this process: waits up to `graceMs` for them to end, then aborts the rest and marks them
 * interrupted once stored. Idempotent: a second call returns the first one's result.
 */
export function shutDown(graceMs: number): Promise<ShutdownReport> {
  globalForShutdown.chatShutdown ??= { startedAt: Date.now(), done: drain(graceMs) };
  return globalForShutdown.chatShutdown.done;
}

async function drain(graceMs: number): Promise<ShutdownReport> {
  const deadline = Date.now() + graceMs;
  const running = allActiveGenerations();
  log.info({ answers: running.length, graceSeconds: graceMs / 1000 }, "shutting down: no new answers, waiting for the running ones");
  const cut = await pendingAfter(running, graceMs);
  if (cut.length > 0) {
    // Stop's path: abort, wait for the partial texts to be stored (as stopped), then mark them interrupted.
    await abortAndAwaitStored(cut);
    try {
      await markMessagesInterrupted(cut.map((generation) => generation.messageId));
    } catch (error) {
      // The rows stay "streaming"; another instance's sweep (or this one's next start) marks them interrupted.
      log.error({ err: error }, "could not mark the cut answers interrupted");
    }
  }
  // New chats' titles, written after their answers: within what is left of the grace period (else they keep none).
  await settledWithin(allWorkAfterAnswers(), deadline - Date.now());
  const report = { finished: running.length - cut.length, interrupted: cut.length };
  log.info(report, "shutdown drained");
  return report;
}

/** The generations still running after `ms` (or sooner, once all have ended). */
async function pendingAfter(generations: ActiveGeneration[], ms: number): Promise<ActiveGeneration[]> {
  const ended = new Set<ActiveGeneration>();
  await settledWithin(Promise.all(generations.map((generation) => generation.stored.then(() => ended.add(generation)))), ms);
  return generations.filter((generation) => !ended.has(generation));
}

/** Waits for the promise, but no longer than `ms`. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
  clearTimeout(timer);
}

/** For tests: forget a finished shutdown so the process can serve again. */
export function resetShutdownForTests(): void {
  delete globalForShutdown.chatShutdown;
}
