import type { ConversationSearchResult } from "@/lib/chat/conversation-view";
import type { ConversationSummary } from "@/lib/chat/types";

async function errorMessage(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? fallback;
  } catch {
    return fallback;
  }
}

/** PATCH /api/conversations/[id]: the updated summary, or an Error with the server's message. */
export async function patchConversation(id: string, changes: { title?: string; pinned?: boolean }): Promise<ConversationSummary> {
  const response = await fetch(`/api/conversations/${id}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(changes),
  });
  if (!response.ok) throw new Error(await errorMessage(response, "The conversation could not be changed."));
  return (await response.json()) as ConversationSummary;
}

export async function deleteConversationRequest(id: string): Promise<void> {
  const response = await fetch(`/api/conversations/${id}`, { method: "DELETE" });
  // Already gone is what the user wanted.
  if (!response.ok && response.status !== 404) throw new Error(await errorMessage(response, "The conversation could not be deleted."));
}

export async function searchConversationsRequest(query: string, signal: AbortSignal): Promise<ConversationSearchResult[]> {
  const response = await fetch(`/api/conversations/search?${new URLSearchParams({ q: query })}`, { cache: "no-store", signal });
  if (!response.ok) throw new Error(await errorMessage(response, "The search failed."));
  return ((await response.json()) as { results: ConversationSearchResult[] }).results;
}
