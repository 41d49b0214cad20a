import "server-only";
import { deleteConversationIfEmpty } from "@/lib/db/conversations";

/**
 * A first message that is refused or fails to store after its conversation was created leaves no conversation behind
 * (no empty entry in the sidebar). Does nothing for a conversation that existed before the request.
 */
export async function forgetNewConversation(userId: string, conversationId: string, createdHere: boolean): Promise<void> {
  if (!createdHere) return;
  await deleteConversationIfEmpty(userId, conversationId).catch((error: unknown) =>
    console.error(`[chat] could not remove the empty conversation ${conversationId}: ${error instanceof Error ? error.message : String(error)}`),
  );
}
