import { readTextBody } from "@/lib/api/read-body";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { readUpload } from "@/lib/evals/preview";
import { createSetQuerySchema, UPLOAD_MAX_BYTES, UPLOAD_TOO_LARGE } from "../../schema";

export const dynamic = "force-dynamic";

/**
 * POST the file as the body (?name=&fileName=&grader=): a dry run of the upload. Answers the format, the item count,
 * the tags and the first items, or every problem with its line; nothing is saved.
 */
export const POST = route({ auth: "evaluator", query: createSetQuerySchema.partial({ name: true }) }, async ({ request, query }) => {
  const text = await readTextBody(request, UPLOAD_MAX_BYTES, UPLOAD_TOO_LARGE);
  return apiJson(readUpload(text, query.grader, query.fileName).preview);
});
