import { apiFetch } from "@/lib/api/client";
import { ApiError } from "@/lib/api/errors";
import type { ConversationSearchResult } from "@/lib/chat/conversation-view";
import type { ConversationSummary } from "@/lib/chat/types";

/** PATCH /api/conversations/[id]: the updated summary, or an ApiError with the server's message. */
export function patchConversation(id: string, changes: { title?: string; pinned?: boolean }): Promise<ConversationSummary> {
  return apiFetch<ConversationSummary>(`/api/conversations/${id}`, { method: "PATCH", body: changes, fallback: "The conversation could not be changed." });
}

export async function deleteConversationRequest(id: string): Promise<void> {
  try {
    await apiFetch(`/api/conversations/${id}`, { method: "DELETE", fallback: "The conversation could not be deleted." });
  } catch (error) {
    // Already gone is what the user wanted.
    if (!(error instanceof ApiError && error.code === "not_found")) throw error;
  }
}

export async function searchConversationsRequest(query: string, signal: AbortSignal): Promise<ConversationSearchResult[]> {
  const { results } = await apiFetch<{ results: ConversationSearchResult[] }>(`/api/conversations/search?${new URLSearchParams({ q: query })}`, {
    signal,
    fallback: "The search failed.",
  });
  return results;
}
