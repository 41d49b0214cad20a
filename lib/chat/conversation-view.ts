import "server-only";
import { searchConversations } from "@/lib/db/conversation-search";
import {
  type ConversationChanges,
  decodeSidebarCursor,
  deleteConversationForUser,
  encodeSidebarCursor,
  getConversationForUser,
  listConversationsPage,
  setActiveMessage,
  updateConversationForUser,
} from "@/lib/db/conversations";
import { listMessages } from "@/lib/db/messages";
import { getActiveGenerations, isGenerating } from "./generation-registry";
import { activePath, newestLeafUnder, siblingPositions } from "./message-tree";
import { abortAndAwaitStored } from "./stop";
import type { ChatUIMessage, ConversationSummary } from "./types";
import { toChatUIMessages } from "./ui-messages";

export interface ConversationView {
  conversation: { id: string; title: string; modelId: string | null };
  messages: ChatUIMessage[];
  /** An answer is being written right now: the UI resumes its stream (GET /api/chat/[id]/stream). */
  generating: boolean;
}

/** A conversation page's data (the branch on show), or null when the conversation is missing or not the user's. */
export async function loadConversationView(userId: string, conversationId: string): Promise<ConversationView | null> {
  const conversation = await getConversationForUser(userId, conversationId);
  if (!conversation) return null;
  return {
    conversation: { id: conversation.id, title: conversation.title, modelId: conversation.modelId },
    messages: await activeBranchMessages(conversation),
    generating: isGenerating(conversation.id),
  };
}

async function activeBranchMessages(conversation: { id: string; activeMessageId: string | null }): Promise<ChatUIMessage[]> {
  const rows = await listMessages(conversation.id);
  const path = activePath(rows, conversation.activeMessageId);
  return toChatUIMessages(path, siblingPositions(rows, path));
}

/** The branch on show, as the UI shows it; null when the conversation is missing or not the user's. */
export async function loadActiveBranch(userId: string, conversationId: string): Promise<ChatUIMessage[] | null> {
  const conversation = await getConversationForUser(userId, conversationId);
  return conversation && activeBranchMessages(conversation);
}

export type BranchSwitch = { ok: true; messages: ChatUIMessage[] } | { ok: false; reason: "not_found" | "busy" };

/**
 * Shows the alternative `messageId` (an answer or a version of a question): the branch ending at the newest message
 * under it becomes the one on show, stored, so a reload shows it too. Not while an answer is being written there.
 */
export async function switchBranch(userId: string, conversationId: string, messageId: string): Promise<BranchSwitch> {
  const conversation = await getConversationForUser(userId, conversationId);
  if (!conversation) return { ok: false, reason: "not_found" };
  const rows = await listMessages(conversation.id);
  const leaf = newestLeafUnder(rows, messageId);
  if (!leaf || leaf.role === "system") return { ok: false, reason: "not_found" };
  if (isGenerating(conversation.id)) return { ok: false, reason: "busy" };
  if (!(await setActiveMessage(userId, conversation.id, leaf.id))) return { ok: false, reason: "not_found" };
  const path = activePath(rows, leaf.id);
  return { ok: true, messages: toChatUIMessages(path, siblingPositions(rows, path)) };
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

function toSummary(row: { id: string; title: string; modelId: string | null; pinned: boolean; updatedAt: Date }): ConversationSummary {
  return { id: row.id, title: row.title, modelId: row.modelId, pinned: row.pinned, updatedAt: row.updatedAt.toISOString() };
}

/** Renames and/or (un)pins; null when the conversation is missing or not the user's. */
export async function changeConversation(userId: string, id: string, changes: ConversationChanges): Promise<ConversationSummary | null> {
  const row = await updateConversationForUser(userId, id, changes);
  return row && toSummary(row);
}

/** Long enough for the abort to close the backend connection and the partial answer to be stored. */
const STOP_WAIT_MS = 10_000;

/**
 * Deletes the user's conversation (false when it is not theirs). An answer being written there is stopped first and
 * awaited, so its final save does not land on a deleted row.
 */
export async function deleteConversation(userId: string, id: string): Promise<boolean> {
  if (!(await getConversationForUser(userId, id))) return false;
  await abortAndAwaitStored(getActiveGenerations(id), STOP_WAIT_MS);
  return deleteConversationForUser(userId, id);
}

export type ConversationSearchResult = { id: string; title: string; pinned: boolean; updatedAt: string; snippet: string | null };

export const SEARCH_RESULT_LIMIT = 30;
const SNIPPET_BEFORE = 40;
const SNIPPET_LENGTH = 140;

/** A short piece of `text` around the first case-insensitive occurrence of `query`, on one line. */
export function snippetAround(text: string, query: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const at = Math.max(0, flat.toLowerCase().indexOf(query.toLowerCase()));
  const start = Math.max(0, at - SNIPPET_BEFORE);
  const end = Math.min(flat.length, start + SNIPPET_LENGTH);
  return `${start > 0 ? "…" : ""}${flat.slice(start, end)}${end < flat.length ? "…" : ""}`;
}

/** Conversations whose title or message text contains `query` (already validated), newest first. */
export async function searchConversationSummaries(userId: string, query: string): Promise<{ results: ConversationSearchResult[] }> {
  const hits = await searchConversations(userId, query, SEARCH_RESULT_LIMIT);
  return {
    results: hits.map((hit) => ({
      id: hit.id,
      title: hit.title,
      pinned: hit.pinned,
      updatedAt: hit.updatedAt.toISOString(),
      snippet: hit.matchText ? snippetAround(hit.matchText, query) : null,
    })),
  };
}
