import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { getAccessSettings } from "@/lib/auth/access-settings";
import { isValidDomain, parseDomainList } from "@/lib/auth/policy";
import { saveAccessSettings } from "@/lib/db/access-settings";
import { accessSettingsBodySchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = route({ auth: "admin" }, async () => apiJson(await getAccessSettings()));

export const PUT = route({ auth: "admin", body: accessSettingsBodySchema }, async ({ request, user: admin, body }) => {
  const domains = parseDomainList(body.allowedEmailDomains);
  const invalid = domains.find((domain) => !isValidDomain(domain));
  if (invalid) throw new ApiError("bad_request", `“${invalid.slice(0, 100)}” is not a domain name (e.g. example.com).`);
  if (domains.length > 200) throw new ApiError("bad_request", "List at most 200 domains.");
  if (domains.length > 0 && !domains.includes(admin.email.split("@").pop() ?? "")) {
    throw new ApiError("bad_request", "Your own email domain must be in the list, or you would lock yourself out.");
  }
  const before = await getAccessSettings();
  await saveAccessSettings({ allowedEmailDomains: domains, requireApproval: body.requireApproval });
  await auditRequest(request, {
    action: "settings.changed",
    actorId: admin.id,
    target: "access",
    details: { allowedEmailDomains: domains, requireApprovalFrom: before.requireApproval, requireApprovalTo: body.requireApproval },
  });
  return apiJson(await getAccessSettings());
});
