import "server-only";
import { getDb } from "./client";
import { getConversationForUser } from "./conversations";
import type { Prisma } from "./generated/sqlite";

/** What the settings columns hold; lib/chat/generation-settings.ts validates it and reads it back. */
export interface StoredConversationSettings {
  systemPrompt: string | null;
  settings: { temperature?: number; maxOutputTokens?: number };
}

/**
 * Replaces the conversation's system prompt and settings (only the owner's; false otherwise). The date is kept:
 * changing settings is not activity and must not move the conversation in the sidebar.
 */
export async function saveConversationSettings(userId: string, id: string, { systemPrompt, settings }: StoredConversationSettings): Promise<boolean> {
  const conversation = await getConversationForUser(userId, id);
  if (!conversation) return false;
  const { count } = await getDb().conversation.updateMany({
    where: { id, userId },
    data: { systemPrompt, settings: settings as Prisma.InputJsonObject, updatedAt: conversation.updatedAt },
  });
  return count === 1;
}
