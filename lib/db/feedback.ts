import "server-only";
import { getDb } from "./client";

export type FeedbackValue = 1 | -1 | null;

/** The message with its conversation's owner, or null when there is no such message. */
export async function findMessageWithOwner(messageId: string) {
  return getDb().message.findUnique({
    where: { id: messageId },
    select: { id: true, role: true, conversation: { select: { userId: true } } },
  });
}

export async function setMessageFeedback(messageId: string, value: FeedbackValue): Promise<void> {
  await getDb().message.update({ where: { id: messageId }, data: { feedback: value } });
}
