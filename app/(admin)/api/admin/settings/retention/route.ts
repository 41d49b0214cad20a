import { auditRequest } from "@/lib/api/audit";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { getRetentionSettings, setRetentionDays } from "@/lib/db/retention-settings";
import { retentionSettingsInputSchema } from "@/lib/retention/schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** { days, lastRun: { at, deleted } | null } */
export const GET = route({ auth: "admin" }, async () => apiJson(await getRetentionSettings()));

export const PUT = route({ auth: "admin", body: retentionSettingsInputSchema }, async ({ request, user, body }) => {
  const previous = await setRetentionDays(body.days);
  if (previous !== body.days) {
    await auditRequest(request, {
      action: "settings.changed",
      actorId: user.id,
      target: "retention.days",
      details: { from: previous, to: body.days },
    });
  }
  return apiJson(await getRetentionSettings());
});
