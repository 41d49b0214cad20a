import type { ApiKeyView } from "@/lib/api-keys/view";

// The account page's calls for personal API keys: each throws an Error with the server's message on failure.

async function send<T>(path: string, init: RequestInit, fallback: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: init.body ? { "Content-Type": "application/json" } : undefined, cache: "no-store" });
  } catch {
    throw new Error("Could not reach the server. Check your connection and try again.");
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? fallback);
  return body;
}

export function createApiKey(input: { name: string; expiresInDays: number | null; saveToHistory: boolean }) {
  return send<{ key: string; apiKey: ApiKeyView }>(
    "/api/account/api-keys",
    { method: "POST", body: JSON.stringify(input) },
    "The key could not be created. Please try again.",
  );
}

export function revokeApiKey(id: string) {
  return send<{ revoked: true }>(`/api/account/api-keys/${encodeURIComponent(id)}`, { method: "DELETE" }, "The key could not be revoked. Please try again.");
}
