import { z } from "zod";
import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { usageCsv } from "@/lib/usage/usage-csv";
import { usagePeriodQuerySchema } from "@/lib/usage/usage-period";

export const dynamic = "force-dynamic";

const usageExportQuerySchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  groupBy: z.enum(["day", "model", "user", "group"], { message: "groupBy must be day, model, user or group." }).default("day"),
});

/** GET ?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=day|model|user|group: the usage as a CSV download. */
export const GET = route({ auth: "admin", query: usageExportQuerySchema }, async ({ request, user, query: { from = "", to = "", groupBy } }) => {
  const period = usagePeriodQuerySchema.safeParse({ from, to });
  if (!period.success) throw new ApiError("bad_request", period.error.issues[0]?.message ?? "The period is not valid.");
  const csv = await usageCsv(period.data, groupBy);
  await auditRequest(request, { action: "usage.exported", actorId: user.id, target: groupBy, details: { from, to, groupBy } });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="usage-by-${groupBy}-${from}-to-${to}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
