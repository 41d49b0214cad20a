import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { getRunProgress } from "@/lib/evals/run-report";
import { idParamsSchema, RUN_NOT_FOUND } from "../../schema";

export const dynamic = "force-dynamic";

/** The run's status and progress per model (done / total, errors, ETA): what the page polls. */
export const GET = route({ auth: "evaluator", params: idParamsSchema }, async ({ params: { id } }) => {
  const progress = await getRunProgress(id);
  if (!progress) throw RUN_NOT_FOUND;
  return apiJson(progress);
});
