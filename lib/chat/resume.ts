import "server-only";
import type { UIMessageChunk } from "ai";
import { ApiError } from "@/lib/api/errors";
import { getStoredAnswer } from "@/lib/db/compare-messages";
import { getConversationForUser } from "@/lib/db/conversations";
import { getActiveGeneration, getGenerationForMessage } from "./generation-registry";
import { storedAnswerChunks, streamOf } from "./stored-answer-stream";

/**
 * GET /api/chat/[id]/stream after sign-in: the answer being written in the user's conversation, replayed from its
 * start and then followed live; null (204) when none is (in this server process).
 */
export async function resumeStream(userId: string, conversationId: string, messageId?: string): Promise<ReadableStream<UIMessageChunk> | null> {
  if (!(await getConversationForUser(userId, conversationId))) throw new ApiError("not_found", "This conversation does not exist.");
  if (messageId) return answerStream(conversationId, messageId);
  const generation = getActiveGeneration(conversationId);
  if (!generation || generation.chunks.isClosed) return null;
  return generation.chunks.subscribe();
}

/**
 * With `?messageId=` (a Compare column): that answer, live while it is written here, else as stored once it ended;
 * 204 while another instance writes it, 404 when it is not an answer of this conversation.
 */
async function answerStream(conversationId: string, messageId: string): Promise<ReadableStream<UIMessageChunk> | null> {
  const generation = getGenerationForMessage(conversationId, messageId);
  if (generation && !generation.chunks.isClosed) return generation.chunks.subscribe();
  if (generation) await generation.stored;
  const stored = await getStoredAnswer(conversationId, messageId);
  if (!stored) throw new ApiError("not_found", "This answer does not exist.");
  if (stored.status === "streaming") return null;
  return streamOf(storedAnswerChunks(stored));
}
