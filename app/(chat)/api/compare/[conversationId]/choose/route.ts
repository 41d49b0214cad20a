import { apiError } from "@/lib/api/responses";
import { withUser } from "@/lib/api/with-auth";
import { internalError } from "@/lib/chat/api-responses";
import { chooseCompareAnswer } from "@/lib/chat/compare-choose";
import { chooseAnswerSchema } from "@/lib/chat/compare-input";
import { conversationIdSchema, firstIssueMessage, readJsonBody } from "@/lib/chat/request-input";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ conversationId: string }> };

/** "Continue with this answer": makes it the conversation's active answer. */
export const POST = withUser<Context>(async ({ request, user, context }) => {
  const id = conversationIdSchema.safeParse((await context.params).conversationId);
  if (!id.success) return apiError("bad_request", "The conversation id is not valid.");
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = chooseAnswerSchema.safeParse(body.value);
  if (!input.success) return apiError("bad_request", firstIssueMessage(input.error));
  return chooseCompareAnswer(user.id, id.data, input.data.messageId).catch((error: unknown) => internalError("POST /api/compare/[id]/choose", error));
});
