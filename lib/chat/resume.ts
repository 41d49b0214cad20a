import "server-only";
import type { UIMessageChunk } from "ai";
import { ApiError } from "@/lib/api/errors";
import { getStoredAnswer } from "@/lib/db/compare-messages";
import { getConversationForUser } from "@/lib/db/conversations";
import { latestStreamingAnswerId } from "@/lib/db/messages";
import { getActiveGeneration, getGenerationForMessage } from "./generation-registry";
import { followRelayedAnswer } from "./live-relay";
import { storedAnswerChunks, streamOf } from "./stored-answer-stream";

/**
 * GET /api/chat/[id]/stream after sign-in: the answer being written in the user's conversation, replayed from its
 * start and then followed live; written by another instance, followed through Redis (live-relay.ts); null (204) when
 * none is, or when another instance writes it and Redis cannot relay it (the reader then shows the saved text).
 */
export async function resumeStream(userId: string, conversationId: string, messageId?: string): Promise<ReadableStream<UIMessageChunk> | null> {
  if (!(await getConversationForUser(userId, conversationId))) throw new ApiError("not_found", "This conversation does not exist.");
  if (messageId) return answerStream(conversationId, messageId);
  const generation = getActiveGeneration(conversationId);
  if (generation && !generation.chunks.isClosed) return generation.chunks.subscribe();
  if (generation) return null;
  const elsewhere = await latestStreamingAnswerId(conversationId);
  return elsewhere ? followRelayedAnswer(elsewhere) : null;
}

/**
 * With `?messageId=` (a Compare column): that answer, live while it is written here or relayed from another instance,
 * else as stored once it ended; null (204) while another instance writes it unrelayed, 404 when it is not an answer
 * of this conversation.
 */
async function answerStream(conversationId: string, messageId: string): Promise<ReadableStream<UIMessageChunk> | null> {
  const generation = getGenerationForMessage(conversationId, messageId);
  if (generation && !generation.chunks.isClosed) return generation.chunks.subscribe();
  if (generation) await generation.stored;
  const stored = await getStoredAnswer(conversationId, messageId);
  if (!stored) throw new ApiError("not_found", "This answer does not exist.");
  if (stored.status === "streaming") return followRelayedAnswer(messageId);
  return streamOf(storedAnswerChunks(stored));
}
