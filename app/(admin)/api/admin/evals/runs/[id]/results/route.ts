import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { getRunResults } from "@/lib/evals/run-report";
import { idParamsSchema, RUN_NOT_FOUND } from "../../../schema";

export const dynamic = "force-dynamic";

/** Per model accuracy (Wilson 95 %), per tag, latency, tokens and cost, and every item's answers and verdicts. */
export const GET = route({ auth: "evaluator", params: idParamsSchema }, async ({ params: { id } }) => {
  const results = await getRunResults(id);
  if (!results) throw RUN_NOT_FOUND;
  return apiJson(results);
});
