import "server-only";
import { apiError } from "@/lib/api/responses";
import { getConversationForUser } from "@/lib/db/conversations";
import { chatStreamResponse, noContent } from "./api-responses";
import { getActiveGeneration } from "./generation-registry";

/**
 * GET /api/chat/[id]/stream after sign-in: the answer being written in the user's conversation, replayed from its
 * start and then followed live; 204 when none is (in this server process).
 */
export async function resumeStream(userId: string, conversationId: string): Promise<Response> {
  if (!(await getConversationForUser(userId, conversationId))) return apiError("not_found", "This conversation does not exist.");
  const generation = getActiveGeneration(conversationId);
  if (!generation || generation.chunks.isClosed) return noContent();
  return chatStreamResponse(generation.chunks.subscribe());
}
