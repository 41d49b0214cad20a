import "server-only";
import { markStreamingMessagesInterrupted } from "@/lib/db/messages";
import { errorFields, log } from "@/lib/server/log";
import { pendingFinalSaveIds } from "./final-save";
import { liveMessageIds } from "./generation-registry";

// An answer still marked "streaming" whose row has not been written for a while, and that this process neither
// writes nor holds a final save for, belongs to a generation that ended without its final write: a killed process,
// or a final save given up while the database was away (final-save.ts). A live generation saves its text every few
// hundred milliseconds while tokens flow and gives up after its model's timeouts.
// With SQLite this process is the only writer (the instance lock), so a minute of silence is enough; with
// PostgreSQL other instances may be writing answers this one cannot see, so their rows get five minutes.
const STALE_AFTER_MS = { sqlite: 60_000, postgres: 5 * 60_000 } as const;
const SWEEP_EVERY_MS = 60_000;

/** One sweep: marks stale streaming answers interrupted (their text so far stays). Returns how many. */
export function sweepStaleAnswers(provider: "sqlite" | "postgres", now: number = Date.now()): Promise<number> {
  return markStreamingMessagesInterrupted({
    updatedBefore: new Date(now - STALE_AFTER_MS[provider]),
    exceptIds: [...liveMessageIds(), ...pendingFinalSaveIds()],
  });
}

/**
 * At start, marks answers left "streaming" by a killed process as interrupted (with SQLite every one: nothing else
 * writes them), then sweeps every minute on either database.
 */
export async function sweepInterruptedAnswers(provider: "sqlite" | "postgres"): Promise<number> {
  const interrupted = provider === "sqlite" ? await markStreamingMessagesInterrupted() : await sweepStaleAnswers(provider);
  const timer = setInterval(() => {
    sweepStaleAnswers(provider).catch((error: unknown) => log.error({ area: "chat", ...errorFields(error) }, "could not mark interrupted answers"));
  }, SWEEP_EVERY_MS);
  timer.unref();
  return interrupted;
}
