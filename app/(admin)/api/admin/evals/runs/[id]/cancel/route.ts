import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { endEvalRun, getEvalRun } from "@/lib/db/evals-runs";
import { abortLocalEvalRun } from "@/lib/evals/runner";
import { idParamsSchema, RUN_NOT_FOUND } from "../../../schema";

export const dynamic = "force-dynamic";

/**
 * Cancels a running run: its status changes at once, this instance's calls are closed, and an instance running it
 * elsewhere stops at its next heartbeat (a few seconds). Finished results stay.
 */
export const POST = route({ auth: "evaluator", params: idParamsSchema }, async ({ request, user, params: { id } }) => {
  if (!(await getEvalRun(id))) throw RUN_NOT_FOUND;
  if (!(await endEvalRun(id, "cancelled", "Cancelled by an admin."))) throw new ApiError("conflict", "The run has already ended.");
  abortLocalEvalRun(id);
  await auditRequest(request, { action: "eval_run.cancelled", actorId: user.id, target: id });
  return apiJson({ status: "cancelled" });
});
