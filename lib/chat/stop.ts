import "server-only";
import { apiError, apiJson } from "@/lib/api/responses";
import { getConversationForUser } from "@/lib/db/conversations";
import { markStreamingAnswerStopped } from "@/lib/db/messages";
import { getActiveGeneration } from "./generation-registry";

/** Long enough for the abort to close the backend connection and the partial answer to be stored. */
const STORE_WAIT_MS = 10_000;

/**
 * POST /api/chat/[id]/stop after sign-in: aborts the answer being written (the backend connection closes) and
 * answers once the partial answer is stored as "stopped". An answer written by another instance is stopped through the
 * database. `{ stopped: false }` when nothing was running.
 */
export async function stopGeneration(userId: string, conversationId: string): Promise<Response> {
  if (!(await getConversationForUser(userId, conversationId))) return apiError("not_found", "This conversation does not exist.");
  const generation = getActiveGeneration(conversationId);
  if (!generation) return apiJson({ stopped: await markStreamingAnswerStopped(conversationId) });
  generation.abortController.abort();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([generation.stored, new Promise<void>((resolve) => (timer = setTimeout(resolve, STORE_WAIT_MS)))]);
  clearTimeout(timer);
  return apiJson({ stopped: true });
}
