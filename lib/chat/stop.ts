import "server-only";
import { ApiError } from "@/lib/api/errors";
import { markAnswerStopped } from "@/lib/db/compare-messages";
import { getConversationForUser } from "@/lib/db/conversations";
import { markStreamingAnswerStopped } from "@/lib/db/messages";
import { type ActiveGeneration, getActiveGenerations, getGenerationForMessage } from "./generation-registry";

/** Long enough for the abort to close the backend connection and the partial answer to be stored. */
const STORE_WAIT_MS = 10_000;

/** Aborts the generations (each backend connection closes) and waits until their partial answers are stored. */
export async function abortAndAwaitStored(generations: ActiveGeneration[], waitMs = STORE_WAIT_MS): Promise<void> {
  if (generations.length === 0) return;
  for (const generation of generations) generation.abortController.abort();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const allStored = Promise.all(generations.map((generation) => generation.stored)).then(() => undefined);
  await Promise.race([allStored, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
}

/**
 * POST /api/chat/[id]/stop after sign-in: aborts every answer being written in the conversation (a Compare run writes
 * several), or only `messageId`'s, and answers once the partial answers are stored as "stopped". An answer written by
 * another instance is stopped through the database. `{ stopped: false }` when nothing was running.
 */
export async function stopGeneration(userId: string, conversationId: string, messageId?: string): Promise<{ stopped: boolean }> {
  if (!(await getConversationForUser(userId, conversationId))) throw new ApiError("not_found", "This conversation does not exist.");
  const generations = messageId ? [getGenerationForMessage(conversationId, messageId)].filter((found) => found !== null) : getActiveGenerations(conversationId);
  if (generations.length === 0) {
    const stopped = messageId ? await markAnswerStopped(conversationId, messageId) : await markStreamingAnswerStopped(conversationId);
    return { stopped };
  }
  await abortAndAwaitStored(generations);
  return { stopped: true };
}
