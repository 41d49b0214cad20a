import { apiFetch } from "@/lib/api/client";
import type { ApiKeyView } from "@/lib/api-keys/view";

// The account page's calls for personal API keys: each throws an ApiError with the server's message on failure.

export function createApiKey(input: { name: string; expiresInDays: number | null; saveToHistory: boolean }) {
  return apiFetch<{ key: string; apiKey: ApiKeyView }>("/api/account/api-keys", {
    method: "POST",
    body: input,
    fallback: "The key could not be created. Please try again.",
  });
}

export function revokeApiKey(id: string) {
  return apiFetch<{ revoked: true }>(`/api/account/api-keys/${encodeURIComponent(id)}`, {
    method: "DELETE",
    fallback: "The key could not be revoked. Please try again.",
  });
}
