import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { readTextBody } from "@/lib/api/read-body";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { createEvalSet, listEvalSets } from "@/lib/db/evals";
import { readUpload } from "@/lib/evals/preview";
import { createSetQuerySchema, UPLOAD_MAX_BYTES, UPLOAD_TOO_LARGE } from "../schema";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "evaluator" }, async () => apiJson({ sets: await listEvalSets() }));

/** POST the file as the body (?name=&fileName=&grader=): saves the set whole, or refuses it naming the first bad line. */
export const POST = route({ auth: "evaluator", query: createSetQuerySchema }, async ({ request, user, query }) => {
  const text = await readTextBody(request, UPLOAD_MAX_BYTES, UPLOAD_TOO_LARGE);
  const { preview, items } = readUpload(text, query.grader, query.fileName);
  if (!preview.ok || !preview.format) {
    const first = preview.problems[0];
    throw new ApiError("bad_request", first ? `${first.line === null ? "" : `Line ${first.line}: `}${first.message}` : "The file is not valid.");
  }
  const set = await createEvalSet({ name: query.name, format: preview.format, grader: query.grader, items, createdById: user.id });
  await auditRequest(request, { action: "eval_set.created", actorId: user.id, target: set.id, details: { name: set.name, items: set.itemCount } });
  return apiJson({ set }, { status: 201 });
});
