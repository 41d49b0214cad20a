import "server-only";
import { type AssistantOutcome, finishAssistantMessage, finishAssistantMessageWithUsage } from "@/lib/db/messages";
import { recordUsageOnce, type UsageInput } from "@/lib/db/usage";

// The end of an answer is the one write that must not be lost: its final text, status and usage. When the database
// cannot take it (down, restarting, read-only, disk full) the outcome stays in memory and is written again with a
// growing delay until the database is back. Bounded: at most MAX_PENDING answers and GIVE_UP_AFTER_MS each (a
// process that holds them too long or dies loses them); what is left then is the text saved while the answer
// streamed, which the stale-answer sweep (interrupted-sweep.ts) marks interrupted. Answers waiting here are never
// swept: their final outcome is known and will be written.

export interface FinalSaveTuning {
  firstRetryMs: number;
  maxRetryMs: number;
  giveUpAfterMs: number;
  maxPending: number;
}

export const DEFAULT_FINAL_SAVE: FinalSaveTuning = { firstRetryMs: 500, maxRetryMs: 5_000, giveUpAfterMs: 15 * 60_000, maxPending: 1_000 };

export interface FinalSave {
  messageId: string;
  conversationId: string;
  outcome: AssistantOutcome;
  /** The usage record of the answer; null when the backend never accepted the request. */
  usage: UsageInput | null;
}

interface Pending {
  save: FinalSave;
  messageSaved: boolean;
  settled: Promise<void>;
}

const globalForSaves = globalThis as unknown as { chatPendingFinalSaves?: Map<string, Pending> };

function pending(): Map<string, Pending> {
  globalForSaves.chatPendingFinalSaves ??= new Map();
  return globalForSaves.chatPendingFinalSaves;
}

/** Ids of answers whose final outcome is waiting for the database in this process. */
export function pendingFinalSaveIds(): string[] {
  return [...pending().keys()];
}

/** Resolves when every final save waiting now is written or given up (tests, shutdown). */
export async function whenFinalSavesSettled(): Promise<void> {
  await Promise.all([...pending().values()].map((entry) => entry.settled));
}

/**
 * Writes the answer's final outcome and then its usage record. Tries once now; when the database refuses, keeps
 * retrying in the background and resolves "pending" at once, so the answer's stream can end for its readers.
 */
export async function saveFinalAnswer(save: FinalSave, tuning: FinalSaveTuning = DEFAULT_FINAL_SAVE): Promise<"saved" | "pending" | "dropped"> {
  const state = { messageSaved: false };
  const firstError = await attempt(save, state, { firstTry: true });
  if (firstError === null) return "saved";
  const queue = pending();
  if (queue.size >= tuning.maxPending) {
    log(save, `not saved and not retried (already ${queue.size} answers waiting for the database)`, firstError);
    return "dropped";
  }
  log(save, "not saved yet, retrying until the database is back", firstError);
  const entry: Pending = { save, messageSaved: state.messageSaved, settled: Promise.resolve() };
  entry.settled = retry(entry, tuning).finally(() => queue.delete(save.messageId));
  queue.set(save.messageId, entry);
  return "pending";
}

/**
 * null when everything is written; else the error. The first try writes the message and its usage record together
 * (one statement on PostgreSQL). A retry remembers a written message so it is not written twice, and looks for a
 * usage record first (an earlier try may have committed it and lost the reply): the first try spares that query.
 */
async function attempt(save: FinalSave, state: { messageSaved: boolean }, { firstTry }: { firstTry: boolean }): Promise<unknown> {
  try {
    if (firstTry && save.usage) {
      await finishAssistantMessageWithUsage(save.messageId, save.outcome, save.usage);
      return null;
    }
    if (!state.messageSaved) {
      await finishAssistantMessage(save.messageId, save.outcome);
      state.messageSaved = true;
    }
    if (save.usage) await recordUsageOnce(save.usage);
    return null;
  } catch (error) {
    return error ?? new Error("unknown database error");
  }
}

async function retry(entry: Pending, tuning: FinalSaveTuning): Promise<void> {
  const giveUpAt = Date.now() + tuning.giveUpAfterMs;
  let delay = tuning.firstRetryMs;
  for (let tries = 2; ; tries++) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(0, giveUpAt - Date.now()))).unref());
    const error = await attempt(entry.save, entry, { firstTry: false });
    if (error === null) {
      console.log(`[chat] answer ${entry.save.messageId} (conversation ${entry.save.conversationId}) saved after ${tries} tries`);
      return;
    }
    if (Date.now() >= giveUpAt) {
      log(entry.save, `given up after ${tries} tries${entry.messageSaved ? " (the answer is saved, its usage record is not)" : ""}`, error);
      return;
    }
    delay = Math.min(delay * 2, tuning.maxRetryMs);
  }
}

function log(save: FinalSave, what: string, error: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message.split("\n").at(-1)}` : String(error);
  console.error(`[chat] final answer of conversation ${save.conversationId} (message ${save.messageId}) ${what}: ${detail}`);
}
