import { auditRequest } from "@/lib/api/audit";
import { apiJson, noContent } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { deleteEvalSet, getEvalSet, listEvalItems } from "@/lib/db/evals";
import { idParamsSchema, SET_NOT_FOUND } from "../../schema";

export const dynamic = "force-dynamic";

/** The set with its items. */
export const GET = route({ auth: "evaluator", params: idParamsSchema }, async ({ params: { id } }) => {
  const set = await getEvalSet(id);
  if (!set) throw SET_NOT_FOUND;
  return apiJson({ set, items: await listEvalItems(id) });
});

/** Deletes the set with its runs and results: admins only (an evaluator's runs are others' evidence too). */
export const DELETE = route({ auth: "admin", params: idParamsSchema }, async ({ request, user, params: { id } }) => {
  if (!(await deleteEvalSet(id))) throw SET_NOT_FOUND;
  await auditRequest(request, { action: "eval_set.deleted", actorId: user.id, target: id });
  return noContent();
});
