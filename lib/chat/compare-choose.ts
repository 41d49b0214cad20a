import "server-only";
import { apiError, apiJson } from "@/lib/api/responses";
import { findAnswerInConversation } from "@/lib/db/compare-messages";
import { getConversationForUser, setActiveMessage, setConversationModel } from "@/lib/db/conversations";
import { chatApiError } from "./api-responses";
import { getActiveGenerations, getGenerationForMessage } from "./generation-registry";
import { abortAndAwaitStored } from "./stop";

/**
 * POST /api/compare/[conversationId]/choose after sign-in: "Continue with this answer". The chosen answer becomes the
 * conversation's active leaf (the others stay as alternatives); answers of the conversation still being written are
 * stopped, so the chat can go on at once. 409 while the chosen answer itself is still being written.
 */
export async function chooseCompareAnswer(userId: string, conversationId: string, messageId: string): Promise<Response> {
  if (!(await getConversationForUser(userId, conversationId))) return apiError("not_found", "This conversation does not exist.");
  const answer = await findAnswerInConversation(conversationId, messageId);
  if (!answer) return apiError("not_found", "This answer does not exist.");
  if (getGenerationForMessage(conversationId, messageId)) {
    return chatApiError(409, "busy", "This answer is still being written. Wait for it to finish, or stop it, then continue with it.");
  }
  await abortAndAwaitStored(getActiveGenerations(conversationId));
  // The chosen model answers next, so the composer starts on it.
  if (answer.modelId) await setConversationModel(conversationId, answer.modelId, answer.id);
  else await setActiveMessage(userId, conversationId, answer.id);
  return apiJson({ conversationId, activeMessageId: answer.id });
}
