import { auditRequest } from "@/lib/api/audit";
import { route } from "@/lib/api/route";
import { runResultsCsv } from "@/lib/evals/export";
import { getRunResults } from "@/lib/evals/run-report";
import { exportQuerySchema, idParamsSchema, RUN_NOT_FOUND } from "../../../schema";

export const dynamic = "force-dynamic";

/** GET ?format=csv|json: the run's results as a download (CSV: one row per item and model, formula-safe cells). */
export const GET = route(
  { auth: "evaluator", params: idParamsSchema, query: exportQuerySchema },
  async ({ request, user, params: { id }, query: { format } }) => {
    const results = await getRunResults(id);
    if (!results) throw RUN_NOT_FOUND;
    await auditRequest(request, { action: "eval_run.exported", actorId: user.id, target: id, details: { format } });
    const body = format === "csv" ? runResultsCsv(results) : JSON.stringify(results, null, 2);
    return new Response(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="evaluation-${id}.${format}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
