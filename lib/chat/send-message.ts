import "server-only";
import { randomUUID } from "node:crypto";
import { apiError } from "@/lib/api/responses";
import { LlmError } from "@/lib/ai/errors";
import { getConversationAccess, getOrCreateConversation, setConversationModel } from "@/lib/db/conversations";
import { isUniqueViolation } from "@/lib/db/errors";
import { createAssistantMessage, insertUserMessage, listMessages } from "@/lib/db/messages";
import { getChatModel } from "@/lib/db/models";
import { chatApiError, chatStreamResponse } from "./api-responses";
import { DEFAULT_TUNING, type GenerationTuning, startGeneration } from "./generation";
import { claimGeneration, releaseGeneration } from "./generation-registry";
import { buildPrompt, type HistoryTurn } from "./history";
import { storedText } from "./stored-message";
import { createConversationTitle } from "./title";
import type { SendMessageInput } from "./types";

export interface ChatUser {
  id: string;
  role: "admin" | "user";
}

export interface SendOptions {
  /** When the request arrived (timings count from here). */
  startedAt?: number;
  tuning?: GenerationTuning;
}

/**
 * POST /api/chat after validation and sign-in: checks ownership and model access, stores the user's message, starts
 * the answer (which then runs on its own) and answers with its UI message stream, or with a JSON error when nothing
 * could start: 404 (conversation or model), 409 (an answer is already being written; a reused message id), 429
 * (the backend rate-limited before any token; the user's message stays stored).
 */
export async function sendMessage(user: ChatUser, input: SendMessageInput, options: SendOptions = {}): Promise<Response> {
  const startedAt = options.startedAt ?? Date.now();
  const access = await getConversationAccess(user.id, input.conversationId);
  if (access.takenByOther) return apiError("not_found", "This conversation does not exist.");
  const chatModel = await getChatModel(user, input.modelId);
  if (!chatModel) return chatApiError(404, "model_unavailable", "This model is not available. Choose another model.");

  const generation = claimGeneration(input.conversationId, user.id);
  if (!generation) {
    return chatApiError(409, "busy", "An answer is still being written in this conversation. Wait for it to finish, or stop it, then send again.");
  }

  let prepared: Awaited<ReturnType<typeof storeTurn>>;
  try {
    prepared = await storeTurn(user, input, chatModel.id);
  } catch (error) {
    releaseGeneration(generation);
    if (isUniqueViolation(error)) return chatApiError(409, "duplicate_message", "This message was already sent.");
    throw error;
  }
  if (!prepared) {
    releaseGeneration(generation);
    return apiError("not_found", "This conversation does not exist.");
  }
  const { conversation, history, assistant, firstUserText } = prepared;

  const tuning = options.tuning ?? DEFAULT_TUNING;
  const acceptance = await startGeneration(
    generation,
    {
      userId: user.id,
      conversationId: conversation.id,
      assistantMessage: assistant,
      model: chatModel,
      prompt: buildPrompt(history, conversation.systemPrompt ?? chatModel.defaults.systemPrompt, {
        contextWindow: chatModel.defaults.contextWindow,
        maxOutputTokens: chatModel.defaults.maxOutputTokens ?? chatModel.config.maxOutputTokens,
      }),
      startedAt,
      afterComplete: conversation.titleIsSet
        ? undefined
        : () => createConversationTitle({ user, conversationId: conversation.id, chatModel, firstUserText, modelDeps: tuning.modelDeps }),
    },
    tuning,
  );
  if (!acceptance.accepted && LlmError.isInstance(acceptance.error) && acceptance.error.code === "rate_limited") {
    return chatApiError(429, "rate_limited", acceptance.error.userMessage, acceptance.error.retryAfterMs);
  }
  return chatStreamResponse(generation.chunks.subscribe());
}

/** The conversation (created on the first message), the user's message and an empty answer, in this order. */
async function storeTurn(user: ChatUser, input: SendMessageInput, modelId: string) {
  const conversation = await getOrCreateConversation({ id: input.conversationId, userId: user.id, modelId });
  if (!conversation) return null;
  const rows = await listMessages(conversation.id);
  // Explicit, strictly increasing times: an answer must sort after its question even within one millisecond.
  const lastAt = rows[rows.length - 1]?.createdAt.getTime() ?? 0;
  const userCreatedAt = new Date(Math.max(Date.now(), lastAt + 1));
  await insertUserMessage({ id: input.message.id, conversationId: conversation.id, text: input.message.text, createdAt: userCreatedAt });
  await setConversationModel(conversation.id, modelId);
  const assistant = { id: randomUUID(), createdAt: new Date(userCreatedAt.getTime() + 1) };
  await createAssistantMessage({ ...assistant, conversationId: conversation.id, modelId });

  const history: HistoryTurn[] = rows.map((row) => ({ role: row.role, text: storedText(row.parts), status: row.status }));
  history.push({ role: "user", text: input.message.text, status: "complete" });
  const firstUserText = history.find((turn) => turn.role === "user")?.text ?? input.message.text;
  return { conversation, history, assistant, firstUserText };
}
