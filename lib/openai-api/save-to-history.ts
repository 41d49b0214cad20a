import "server-only";
import { randomUUID } from "node:crypto";
import { fallbackTitle } from "@/lib/chat/title-text";
import { getOrCreateConversation, setConversationModel, setTitleIfUnset } from "@/lib/db/conversations";
import { type AssistantOutcome, createAssistantMessage, finishAssistantMessage, insertUserMessage } from "@/lib/db/messages";
import type { TextTurn } from "./request-schema";

/**
 * For a key made with "save to my history": the request's turns and the answer as a new conversation of the key's
 * owner (system messages are not stored, as in the chat). Returns the ids the usage record refers to.
 */
export async function saveCompletionToHistory(input: {
  userId: string;
  modelId: string;
  turns: readonly TextTurn[];
  outcome: AssistantOutcome;
}): Promise<{ conversationId: string; messageId: string }> {
  const conversationId = randomUUID();
  await getOrCreateConversation({ id: conversationId, userId: input.userId, modelId: input.modelId });
  // Strictly increasing times: the tree and the sidebar order by them.
  const base = Date.now();
  let parentId: string | null = null;
  let offset = 0;
  for (const turn of input.turns) {
    if (turn.role === "system") continue;
    const id = randomUUID();
    const createdAt = new Date(base + offset++);
    if (turn.role === "user") await insertUserMessage({ id, conversationId, parentId, text: turn.text, createdAt });
    else {
      await createAssistantMessage({ id, conversationId, parentId, modelId: input.modelId, createdAt });
      await finishAssistantMessage(id, { status: "complete", text: turn.text, finishReason: null, error: null, usage: null, metadata: {} });
    }
    parentId = id;
  }
  const messageId = randomUUID();
  await createAssistantMessage({ id: messageId, conversationId, parentId, modelId: input.modelId, createdAt: new Date(base + offset) });
  await finishAssistantMessage(messageId, input.outcome);
  await setConversationModel(conversationId, input.modelId, messageId);
  await setTitleIfUnset(conversationId, fallbackTitle(input.turns.find((turn) => turn.role === "user")?.text ?? ""));
  return { conversationId, messageId };
}
