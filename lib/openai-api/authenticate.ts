import "server-only";
import { hashApiKey, looksLikeApiKey } from "@/lib/api-keys/key-material";
import { mayUseApiKeys } from "@/lib/api-keys/policy";
import { contextFromHeaders } from "@/lib/auth/request-context";
import { findApiKeyByHash, touchApiKey } from "@/lib/db/api-keys";
import { invalidApiKey, OpenAiApiError } from "./errors";
import { failedAuthWaitMs, recordFailedAuth } from "./failed-auth-limit";

/** How often "last used" is written at most. */
const LAST_USED_EVERY_MS = 60_000;

export interface ApiCaller {
  user: { id: string; email: string; role: "admin" | "user" };
  key: { id: string; name: string; saveToHistory: boolean };
}

/**
 * The caller of a /v1 request, from its `Authorization: Bearer <key>` header only: a session cookie is never read
 * here, so a page on another site cannot use the signed-in browser's session against /v1 (no CSRF surface). The
 * key, its owner and the admins' policy are read on every request, so a revoke or a disabled user takes effect at
 * once, on every instance.
 */
export async function authenticateApiRequest(request: Request, now = new Date()): Promise<{ caller: ApiCaller } | { error: OpenAiApiError }> {
  const address = contextFromHeaders(request.headers).ipAddress ?? "unknown";
  const waitMs = await failedAuthWaitMs(address);
  if (waitMs !== null)
    return {
      error: new OpenAiApiError(429, "rate_limit_error", "Too many requests with invalid API keys. Try again later.", "too_many_invalid_keys", null, waitMs),
    };
  const result = await checkKey(request, now);
  if ("error" in result) await recordFailedAuth(address);
  return result;
}

async function checkKey(request: Request, now: Date): Promise<{ caller: ApiCaller } | { error: OpenAiApiError }> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return { error: invalidApiKey("Missing API key. Send it as 'Authorization: Bearer <key>'; keys are made on your account page.") };
  const value = match[1];
  if (!looksLikeApiKey(value)) return { error: invalidApiKey() };
  const key = await findApiKeyByHash({ keyHash: hashApiKey(value) });
  if (!key || key.user.status !== "active") return { error: invalidApiKey() };
  if (key.revokedAt) return { error: invalidApiKey("This API key was revoked.") };
  if (key.expiresAt && key.expiresAt <= now) return { error: invalidApiKey("This API key has expired. Create a new one on your account page.") };
  if (!(await mayUseApiKeys(key.user))) return { error: invalidApiKey("API keys are not available to your account. Ask an administrator.") };
  // Checked here first so most requests write nothing; the update's own condition settles races between instances.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) await touchApiKey({ id: key.id, now, everyMs: LAST_USED_EVERY_MS });
  return {
    caller: {
      user: { id: key.user.id, email: key.user.email, role: key.user.role },
      key: { id: key.id, name: key.name, saveToHistory: key.saveToHistory },
    },
  };
}
