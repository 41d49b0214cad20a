import { auditRequest } from "@/lib/api/audit";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { getRetentionSettings, setRetentionDays } from "@/lib/db/retention-settings";
import { retentionSettingsInputSchema } from "@/lib/retention/settings-input";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** { days, lastRun: { at, deleted } | null } */
export const GET = withAdmin(async () => apiJson(await getRetentionSettings()));

export const PUT = withAdmin(async ({ request, user }) => {
  const body = await request.json().catch(() => undefined);
  const input = retentionSettingsInputSchema.safeParse(body);
  if (!input.success) return apiError("bad_request", input.error.issues[0]?.message ?? "The retention setting is not valid.");
  const previous = await setRetentionDays(input.data.days);
  if (previous !== input.data.days) {
    await auditRequest(request, {
      action: "settings.changed",
      actorId: user.id,
      target: "retention.days",
      details: { from: previous, to: input.data.days },
    });
  }
  return apiJson(await getRetentionSettings());
});
