import "server-only";
import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import type { CurrentUser } from "@/lib/auth/session";
import { saveQuota } from "@/lib/db/quotas";
import type { QuotaLimitsBody } from "./schema";

type Owner = { userId: string } | { groupId: string };

/** PUT .../quotas/users/[id] and .../groups/[id] once parsed: saves and records "quota.changed". */
export async function saveQuotaRequest({ request, user, owner, limits }: { request: Request; user: CurrentUser; owner: Owner; limits: QuotaLimitsBody }) {
  const kind = "userId" in owner ? "user" : "group";
  const saved = await saveQuota({ owner, limits });
  if (!saved) throw new ApiError("not_found", kind === "user" ? "This user does not exist." : "This group does not exist.");
  await auditRequest(request, {
    action: "quota.changed",
    actorId: user.id,
    target: `${kind}:${"userId" in owner ? owner.userId : owner.groupId}`,
    details: { ...limits, removed: saved.removed },
  });
  return apiJson({ limits: saved.removed ? null : limits });
}
