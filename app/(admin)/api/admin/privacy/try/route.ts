import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { privacyRules } from "@/lib/chat/privacy-guard";
import { detectFindings } from "@/lib/privacy/detect";
import { actionFor, boundaries, resolvePolicy } from "@/lib/privacy/policy";
import { tryTextSchema } from "../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * The detectors (with the admin's terms and patterns) on a text, and what each boundary's policy would do with
 * each finding. The text is neither stored nor logged; the answer goes only to the admin who typed it.
 */
export const POST = route({ auth: "admin", body: tryTextSchema }, async ({ body: { text } }) => {
  const { boundaryPolicies, customRules } = await privacyRules();
  const policies = boundaries.map((boundary) => [boundary, resolvePolicy(boundary, boundaryPolicies[boundary])] as const);
  const findings = detectFindings(text, { customRules }).map((finding) => ({
    ...finding,
    text: text.slice(finding.start, finding.end),
    actions: Object.fromEntries(policies.map(([boundary, policy]) => [boundary, actionFor(policy, finding)])),
  }));
  return apiJson({ findings });
});
