import "server-only";
import { decodeSidebarCursor, encodeSidebarCursor, getConversationForUser, listConversationsPage } from "@/lib/db/conversations";
import { listMessages } from "@/lib/db/messages";
import { isGenerating } from "./generation-registry";
import type { ChatUIMessage, ConversationSummary } from "./types";
import { toChatUIMessages } from "./ui-messages";

export interface ConversationView {
  conversation: { id: string; title: string; modelId: string | null };
  messages: ChatUIMessage[];
  /** An answer is being written right now: the UI resumes its stream (GET /api/chat/[id]/stream). */
  generating: boolean;
}

/** A conversation page's data, or null when the conversation is missing or not the user's. */
export async function loadConversationView(userId: string, conversationId: string): Promise<ConversationView | null> {
  const conversation = await getConversationForUser(userId, conversationId);
  if (!conversation) return null;
  const rows = await listMessages(conversation.id);
  return {
    conversation: { id: conversation.id, title: conversation.title, modelId: conversation.modelId },
    messages: toChatUIMessages(rows),
    generating: isGenerating(conversation.id),
  };
}

export const MAX_SIDEBAR_PAGE = 100;

export class InvalidCursorError extends Error {
  constructor() {
    super("The list cursor is not valid. Reload the list.");
    this.name = "InvalidCursorError";
  }
}

/** One page of the sidebar (pinned first, newest first). Throws InvalidCursorError for a cursor it did not make. */
export async function listConversationSummaries(
  userId: string,
  { cursor, limit }: { cursor?: string | null; limit: number },
): Promise<{ conversations: ConversationSummary[]; nextCursor: string | null }> {
  const decoded = cursor ? decodeSidebarCursor(cursor) : null;
  if (cursor && !decoded) throw new InvalidCursorError();
  const take = Math.min(Math.max(1, Math.floor(limit)), MAX_SIDEBAR_PAGE);
  // One extra row tells whether there is a next page.
  const rows = await listConversationsPage(userId, { cursor: decoded, limit: take + 1 });
  const page = rows.slice(0, take);
  const last = page[page.length - 1];
  return {
    conversations: page.map((row) => ({ id: row.id, title: row.title, modelId: row.modelId, pinned: row.pinned, updatedAt: row.updatedAt.toISOString() })),
    nextCursor: rows.length > take && last ? encodeSidebarCursor(last) : null,
  };
}
