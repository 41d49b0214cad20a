import { auditRequest } from "@/lib/api/audit";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { listEvalRuns } from "@/lib/db/evals-runs";
import { startEvalRun } from "@/lib/evals/start-run";
import { startRunSchema } from "../schema";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "evaluator" }, async () => {
  const runs = await listEvalRuns();
  return apiJson({ runs: runs.map(({ rubric: _rubric, ...run }) => run) });
});

/** Starts a run in the background and answers at once with it (202): its progress is at GET runs/{id}. */
export const POST = route({ auth: "evaluator", body: startRunSchema }, async ({ request, user, body }) => {
  const run = await startEvalRun(user, body);
  await auditRequest(request, {
    action: "eval_run.started",
    actorId: user.id,
    target: run.id,
    details: { setId: run.setId, models: run.models.map((model) => model.id), sampleSize: run.sampleSize, costCapUsd: run.costCapUsd },
  });
  return apiJson({ run: { id: run.id, status: run.status } }, { status: 202 });
});
