import "server-only";
import { type ApiKeySummary, countApiKeys, insertApiKey, listApiKeys, MAX_API_KEYS_PER_USER, revokeApiKey } from "@/lib/db/api-keys";
import { type AuditEvent, recordAuditEvent } from "@/lib/db/audit";
import type { CreateApiKeyInput } from "./inputs";
import { generateApiKey } from "./key-material";
import { mayUseApiKeys } from "./policy";

type Where = Pick<AuditEvent, "ipAddress" | "userAgent">;

export type CreateApiKeyResult = { ok: true; key: string; summary: ApiKeySummary } | { ok: false; reason: "not_allowed" | "too_many"; message: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a key for its owner; the value is in the result once and never again (only its hash is stored). */
export async function createApiKey(user: { id: string }, input: CreateApiKeyInput, where: Where, now = new Date()): Promise<CreateApiKeyResult> {
  if (!(await mayUseApiKeys(user))) return { ok: false, reason: "not_allowed", message: "API keys are not available to your account. Ask an administrator." };
  if ((await countApiKeys({ userId: user.id })) >= MAX_API_KEYS_PER_USER) {
    return { ok: false, reason: "too_many", message: `You can have at most ${MAX_API_KEYS_PER_USER} keys. Ask an administrator to remove old ones.` };
  }
  const material = generateApiKey();
  const summary = await insertApiKey({
    userId: user.id,
    name: input.name,
    prefix: material.prefix,
    keyHash: material.keyHash,
    saveToHistory: input.saveToHistory,
    expiresAt: input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS),
  });
  await recordAuditEvent({
    action: "api_key.created",
    actorId: user.id,
    target: summary.id,
    details: { name: summary.name, prefix: summary.prefix, expiresAt: summary.expiresAt?.toISOString() ?? null, saveToHistory: summary.saveToHistory },
    ...where,
  });
  return { ok: true, key: material.key, summary };
}

export async function listOwnApiKeys(user: { id: string }): Promise<ApiKeySummary[]> {
  return listApiKeys({ userId: user.id });
}

/** The owner revokes one of their keys: false when it is not theirs or already revoked (the route answers 404). */
export async function revokeOwnApiKey(user: { id: string }, keyId: string, where: Where): Promise<boolean> {
  const revoked = await revokeApiKey({ id: keyId, userId: user.id });
  if (!revoked) return false;
  await recordAuditEvent({ action: "api_key.revoked", actorId: user.id, target: revoked.id, details: { name: revoked.name }, ...where });
  return true;
}

/** An admin revokes anyone's key. */
export async function revokeApiKeyAsAdmin(admin: { id: string }, keyId: string, where: Where): Promise<boolean> {
  const revoked = await revokeApiKey({ id: keyId });
  if (!revoked) return false;
  await recordAuditEvent({
    action: "api_key.admin_revoked",
    actorId: admin.id,
    target: revoked.id,
    details: { name: revoked.name, ownerId: revoked.userId },
    ...where,
  });
  return true;
}
