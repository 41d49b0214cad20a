import "server-only";
import { ApiError } from "@/lib/api/errors";
import { findAnswerInConversation } from "@/lib/db/compare-messages";
import { getConversationForUser, setActiveMessage, setConversationModel } from "@/lib/db/conversations";
import { getActiveGenerations, getGenerationForMessage } from "./generation-registry";
import { abortAndAwaitStored } from "./stop";

/**
 * POST /api/compare/[conversationId]/choose after sign-in: "Continue with this answer". The chosen answer becomes the
 * conversation's active leaf (the others stay as alternatives); answers of the conversation still being written are
 * stopped, so the chat can go on at once. 409 while the chosen answer itself is still being written.
 */
export async function chooseCompareAnswer(
  userId: string,
  conversationId: string,
  messageId: string,
): Promise<{ conversationId: string; activeMessageId: string }> {
  if (!(await getConversationForUser(userId, conversationId))) throw new ApiError("not_found", "This conversation does not exist.");
  const answer = await findAnswerInConversation(conversationId, messageId);
  if (!answer) throw new ApiError("not_found", "This answer does not exist.");
  if (getGenerationForMessage(conversationId, messageId)) {
    throw new ApiError("busy", "This answer is still being written. Wait for it to finish, or stop it, then continue with it.");
  }
  await abortAndAwaitStored(getActiveGenerations(conversationId));
  // The chosen model answers next, so the composer starts on it.
  if (answer.modelId) await setConversationModel(conversationId, answer.modelId, answer.id);
  else await setActiveMessage(userId, conversationId, answer.id);
  return { conversationId, activeMessageId: answer.id };
}
