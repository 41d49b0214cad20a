import { apiError, apiJson } from "@/lib/api/responses";
import { withUser } from "@/lib/api/with-auth";
import { internalError } from "@/lib/chat/api-responses";
import { loadActiveBranch } from "@/lib/chat/conversation-view";
import { conversationIdSchema } from "@/lib/chat/request-input";
import type { BranchMessages } from "@/lib/chat/types";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

/** The messages on show (the active branch, root first), each with its place among its alternatives. */
export const GET = withUser<Context>(async ({ user, context }) => {
  const id = conversationIdSchema.safeParse((await context.params).id);
  if (!id.success) return apiError("bad_request", "The conversation id is not valid.");
  try {
    const messages = await loadActiveBranch(user.id, id.data);
    return messages ? apiJson<BranchMessages>({ messages }) : apiError("not_found", "This conversation does not exist.");
  } catch (error) {
    return internalError("GET /api/conversations/[id]/messages", error);
  }
});
