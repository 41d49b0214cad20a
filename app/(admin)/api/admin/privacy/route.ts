import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { getPrivacySettings, savePrivacySettings } from "@/lib/db/privacy-settings";
import { compileCustomRules } from "@/lib/privacy/detectors/custom-rules";
import { privacySettingsInputSchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** → { boundaryPolicies, customRules }: the admin's privacy settings. */
export const GET = route({ auth: "admin" }, async () => apiJson(await getPrivacySettings()));

/** Replaces both; a term or pattern that cannot be used is refused (400) with its line number and the reason. */
export const PUT = route({ auth: "admin", body: privacySettingsInputSchema }, async ({ request, user, body }) => {
  const [problem] = compileCustomRules(body.customRules).errors;
  if (problem) throw new ApiError("bad_request", `Rule ${problem.index + 1}: ${problem.message}`);
  await savePrivacySettings(body);
  // The rules themselves may be customer names: the audit log records how many, not which.
  await auditRequest(request, {
    action: "settings.changed",
    actorId: user.id,
    target: "privacy",
    details: {
      setting: "privacy",
      boundaries: Object.keys(body.boundaryPolicies),
      terms: body.customRules.filter((rule) => rule.kind === "term").length,
      patterns: body.customRules.filter((rule) => rule.kind === "pattern").length,
    },
  });
  return apiJson(await getPrivacySettings());
});
