import type { AdminApiKeySummary, ApiKeySummary } from "@/lib/db/api-keys";

/** A key as the browser gets it (dates as ISO strings), with its state at `now`. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  saveToHistory: boolean;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  state: "active" | "expired" | "revoked";
}

export interface AdminApiKeyView extends ApiKeyView {
  owner: { id: string; email: string; name: string | null };
}

export function apiKeyView(key: ApiKeySummary, now = new Date()): ApiKeyView {
  const state = key.revokedAt ? "revoked" : key.expiresAt && key.expiresAt <= now ? "expired" : "active";
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    saveToHistory: key.saveToHistory,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
    state,
  };
}

export function adminApiKeyView(key: AdminApiKeySummary, now = new Date()): AdminApiKeyView {
  return { ...apiKeyView(key, now), owner: key.user };
}
