import { apiKeyPolicyInputSchema } from "@/lib/api-keys/inputs";
import { auditRequest } from "@/lib/api/audit";
import { parseJsonBody } from "@/lib/api/parse-body";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { getApiKeyPolicy, setApiKeyPolicy } from "@/lib/db/api-key-settings";
import { findAccessGroups } from "@/lib/db/model-access";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** { enabled, groupIds }: whether personal API keys are on, and for which groups (none: everyone). */
export const GET = withAdmin(async () => apiJson(await getApiKeyPolicy()));

export const PUT = withAdmin(async ({ request, user }) => {
  const input = await parseJsonBody(request, apiKeyPolicyInputSchema);
  if ("error" in input) return input.error;
  const groupIds = [...new Set(input.data.groupIds)];
  if ((await findAccessGroups(groupIds)).length !== groupIds.length) return apiError("bad_request", "One of the groups no longer exists. Reload the page.");
  const previous = await setApiKeyPolicy({ enabled: input.data.enabled, groupIds });
  await auditRequest(request, {
    action: "settings.changed",
    actorId: user.id,
    target: "apiKeys.policy",
    details: { enabledFrom: previous.enabled, enabledTo: input.data.enabled, groupsFrom: previous.groupIds, groupsTo: groupIds },
  });
  return apiJson(await getApiKeyPolicy());
});
