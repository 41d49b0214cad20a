import { apiError } from "@/lib/api/responses";
import { withUser } from "@/lib/api/with-auth";
import { internalError } from "@/lib/chat/api-responses";
import { startCompareRun } from "@/lib/chat/compare";
import { compareRequestSchema } from "@/lib/chat/compare-input";
import { firstIssueMessage, readJsonBody } from "@/lib/chat/request-input";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** One prompt to 2-3 models side by side: stores the run, starts every answer, answers with their ids. */
export const POST = withUser(async ({ request, user }) => {
  const startedAt = Date.now();
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = compareRequestSchema.safeParse(body.value);
  if (!input.success) return apiError("bad_request", firstIssueMessage(input.error));
  return startCompareRun(user, input.data, { startedAt }).catch((error: unknown) => internalError("POST /api/compare", error));
});
