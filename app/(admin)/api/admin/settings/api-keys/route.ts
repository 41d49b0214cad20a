import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { apiKeyPolicyInputSchema } from "@/lib/api-keys/inputs";
import { getApiKeyPolicy, setApiKeyPolicy } from "@/lib/db/api-key-settings";
import { findAccessGroups } from "@/lib/db/model-access";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** { enabled, groupIds }: whether personal API keys are on, and for which groups (none: everyone). */
export const GET = route({ auth: "admin" }, async () => apiJson(await getApiKeyPolicy()));

export const PUT = route({ auth: "admin", body: apiKeyPolicyInputSchema }, async ({ request, user, body }) => {
  const groupIds = [...new Set(body.groupIds)];
  if ((await findAccessGroups(groupIds)).length !== groupIds.length) throw new ApiError("bad_request", "One of the groups no longer exists. Reload the page.");
  const previous = await setApiKeyPolicy({ enabled: body.enabled, groupIds });
  await auditRequest(request, {
    action: "settings.changed",
    actorId: user.id,
    target: "apiKeys.policy",
    details: { enabledFrom: previous.enabled, enabledTo: body.enabled, groupsFrom: previous.groupIds, groupsTo: groupIds },
  });
  return apiJson(await getApiKeyPolicy());
});
