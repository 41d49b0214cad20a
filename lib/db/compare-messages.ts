import "server-only";
import { getDb } from "./client";

/**
 * Stop for one answer another instance is writing (one column of a Compare run): marks it stopped; that instance
 * sees it at its next save of the text and closes the backend call. False when it was not streaming.
 */
export async function markAnswerStopped(conversationId: string, messageId: string): Promise<boolean> {
  const { count } = await getDb().message.updateMany({
    where: { id: messageId, conversationId, role: "assistant", status: "streaming" },
    data: { status: "stopped" },
  });
  return count > 0;
}

/** An assistant message of the conversation, or null (a message of another conversation counts as missing). */
export async function findAnswerInConversation(conversationId: string, messageId: string) {
  return getDb().message.findFirst({ where: { id: messageId, conversationId, role: "assistant" }, select: { id: true, compareRunId: true, modelId: true } });
}

/** The whole stored answer (its text, status, usage and timings), or null when it is not one of the conversation's. */
export async function getStoredAnswer(conversationId: string, messageId: string) {
  return getDb().message.findFirst({ where: { id: messageId, conversationId, role: "assistant" } });
}
