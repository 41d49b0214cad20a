import { z } from "zod";
import { auditRequest } from "@/lib/api/audit";
import { parseJsonBody } from "@/lib/api/parse-body";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { getAccessSettings } from "@/lib/auth/access-settings";
import { isValidDomain, parseDomainList } from "@/lib/auth/policy";
import { saveAccessSettings } from "@/lib/db/access-settings";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const accessSettingsBodySchema = z.object({
  /** What the admin typed: domains separated by commas, spaces or new lines; empty allows every domain. */
  allowedEmailDomains: z.string().max(5_000, "The list is too long."),
  requireApproval: z.boolean(),
});

export const GET = withAdmin(async () => apiJson(await getAccessSettings()));

export const PUT = withAdmin(async ({ request, user: admin }) => {
  const body = await parseJsonBody(request, accessSettingsBodySchema);
  if ("error" in body) return body.error;
  const domains = parseDomainList(body.data.allowedEmailDomains);
  const invalid = domains.find((domain) => !isValidDomain(domain));
  if (invalid) return apiError("bad_request", `“${invalid.slice(0, 100)}” is not a domain name (e.g. example.com).`);
  if (domains.length > 200) return apiError("bad_request", "List at most 200 domains.");
  if (domains.length > 0 && !domains.includes(admin.email.split("@").pop() ?? "")) {
    return apiError("bad_request", "Your own email domain must be in the list, or you would lock yourself out.");
  }
  const before = await getAccessSettings();
  await saveAccessSettings({ allowedEmailDomains: domains, requireApproval: body.data.requireApproval });
  await auditRequest(request, {
    action: "settings.changed",
    actorId: admin.id,
    target: "access",
    details: { allowedEmailDomains: domains, requireApprovalFrom: before.requireApproval, requireApprovalTo: body.data.requireApproval },
  });
  return apiJson(await getAccessSettings());
});
