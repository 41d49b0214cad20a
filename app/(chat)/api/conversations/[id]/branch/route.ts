import { apiError, apiJson } from "@/lib/api/responses";
import { withUser } from "@/lib/api/with-auth";
import { chatApiError, internalError } from "@/lib/chat/api-responses";
import { switchBranch } from "@/lib/chat/conversation-view";
import { conversationIdSchema, firstIssueMessage, readJsonBody } from "@/lib/chat/request-input";
import { type BranchMessages, switchBranchSchema } from "@/lib/chat/types";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

/**
 * `{ messageId }` → shows that alternative (a regenerated answer, an edited version of a question) and the newest
 * branch under it, stored for the next visit; answers with the messages now on show.
 */
export const PATCH = withUser<Context>(async ({ request, user, context }) => {
  const id = conversationIdSchema.safeParse((await context.params).id);
  if (!id.success) return apiError("bad_request", "The conversation id is not valid.");
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = switchBranchSchema.safeParse(body.value);
  if (!input.success) return apiError("bad_request", firstIssueMessage(input.error));
  try {
    const result = await switchBranch(user.id, id.data, input.data.messageId);
    if (result.ok) return apiJson<BranchMessages>({ messages: result.messages });
    if (result.reason === "busy") return chatApiError(409, "busy", "An answer is still being written in this conversation. Wait for it to finish, or stop it.");
    return apiError("not_found", "This message does not exist in this conversation.");
  } catch (error) {
    return internalError("PATCH /api/conversations/[id]/branch", error);
  }
});
