import "server-only";
import { markStreamingMessagesInterrupted } from "@/lib/db/messages";

// An answer still marked "streaming" whose row has not been written for this long belongs to a process that died:
// a live generation saves its text every second and gives up after its model's timeouts (a
// minute or so by default).
const STALE_AFTER_MS = 5 * 60_000;
const SWEEP_EVERY_MS = 60_000;

/**
 * Marks answers left "streaming" by a killed process as interrupted. With SQLite this is the only instance, so at
 * start every streaming answer is stale; with PostgreSQL other instances may be mid-answer, so only rows untouched
 * for STALE_AFTER_MS count, at start and then every minute (an instance that died is found by the others).
 */
export async function sweepInterruptedAnswers(singleInstance: boolean): Promise<number> {
  const interrupted = await markStreamingMessagesInterrupted(
    singleInstance ? {} : { updatedBefore: new Date(Date.now() - STALE_AFTER_MS) },
  );
  if (!singleInstance) {
    const timer = setInterval(() => {
      markStreamingMessagesInterrupted({ updatedBefore: new Date(Date.now() - STALE_AFTER_MS) }).catch((error: unknown) =>
        console.error("[chat] could not mark interrupted answers:", (error as Error).message),
      );
    }, SWEEP_EVERY_MS);
    timer.unref();
  }
  return interrupted;
}
