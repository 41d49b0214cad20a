import { z } from "zod";
import { auditRequest } from "@/lib/api/audit";
import { apiError } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { usageCsv } from "@/lib/usage/usage-csv";
import { usagePeriodQuerySchema } from "@/lib/usage/usage-period";

export const dynamic = "force-dynamic";

const groupBySchema = z.enum(["day", "model", "user", "group"], { message: "groupBy must be day, model, user or group." });

/** GET ?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=day|model|user|group: the usage as a CSV download. */
export const GET = withAdmin(async ({ request, user }) => {
  const params = request.nextUrl.searchParams;
  const period = usagePeriodQuerySchema.safeParse({ from: params.get("from"), to: params.get("to") });
  if (!period.success) return apiError("bad_request", period.error.issues[0]?.message ?? "The period is not valid.");
  const groupBy = groupBySchema.safeParse(params.get("groupBy") ?? "day");
  if (!groupBy.success) return apiError("bad_request", groupBy.error.issues[0]?.message ?? "groupBy is not valid.");

  const csv = await usageCsv(period.data, groupBy.data);
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  await auditRequest(request, { action: "usage.exported", actorId: user.id, target: groupBy.data, details: { from, to, groupBy: groupBy.data } });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="usage-by-${groupBy.data}-${from}-to-${to}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
