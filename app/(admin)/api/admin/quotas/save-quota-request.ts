import "server-only";
import type { NextRequest } from "next/server";
import { auditRequest } from "@/lib/api/audit";
import { apiError, apiJson } from "@/lib/api/responses";
import type { CurrentUser } from "@/lib/auth/session";
import { saveQuota } from "@/lib/db/quotas";
import { ownerIdSchema, quotaLimitsSchema } from "./schema";

/** PUT .../quotas/users/[id] and .../groups/[id]: validates, saves and records "quota.changed". */
export async function saveQuotaRequest({ request, user, kind, rawId }: { request: NextRequest; user: CurrentUser; kind: "user" | "group"; rawId: string }) {
  const id = ownerIdSchema.safeParse(rawId);
  if (!id.success) return apiError("bad_request", `The ${kind} id is not valid.`);
  const body = await request.json().catch(() => undefined);
  const limits = quotaLimitsSchema.safeParse(body);
  if (!limits.success) return apiError("bad_request", limits.error.issues[0]?.message ?? "The limits are not valid.");
  const owner = kind === "user" ? { userId: id.data } : { groupId: id.data };
  const saved = await saveQuota({ owner, limits: limits.data });
  if (!saved) return apiError("not_found", kind === "user" ? "This user does not exist." : "This group does not exist.");
  await auditRequest(request, {
    action: "quota.changed",
    actorId: user.id,
    target: `${kind}:${id.data}`,
    details: { ...limits.data, removed: saved.removed },
  });
  return apiJson({ limits: saved.removed ? null : limits.data });
}
