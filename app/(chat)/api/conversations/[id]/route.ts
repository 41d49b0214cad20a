import { apiError, apiJson } from "@/lib/api/responses";
import { getCurrentUser } from "@/lib/auth/session";
import { internalError } from "@/lib/chat/api-responses";
import { changeConversation, deleteConversation } from "@/lib/chat/conversation-view";
import { conversationIdSchema, firstIssueMessage, readJsonBody } from "@/lib/chat/request-input";
import { conversationPatchSchema } from "../input";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

const notFound = () => apiError("not_found", "This conversation does not exist.");

/** `{ title?, pinned? }` → the updated ConversationSummary. A typed title is never replaced by the automatic one. */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const id = conversationIdSchema.safeParse((await params).id);
  if (!id.success) return apiError("bad_request", "The conversation id is not valid.");
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const changes = conversationPatchSchema.safeParse(body.value);
  if (!changes.success) return apiError("bad_request", firstIssueMessage(changes.error));
  const user = await getCurrentUser();
  if (!user) return apiError("unauthorized", "Sign in to continue.");
  try {
    const conversation = await changeConversation(user.id, id.data, changes.data);
    return conversation ? apiJson(conversation) : notFound();
  } catch (error) {
    return internalError("PATCH /api/conversations/[id]", error);
  }
}

/** Deletes the conversation and its messages (stopping an answer being written there first) → { deleted: true }. */
export async function DELETE(_request: Request, { params }: Context): Promise<Response> {
  const id = conversationIdSchema.safeParse((await params).id);
  if (!id.success) return apiError("bad_request", "The conversation id is not valid.");
  const user = await getCurrentUser();
  if (!user) return apiError("unauthorized", "Sign in to continue.");
  try {
    return (await deleteConversation(user.id, id.data)) ? apiJson({ deleted: true }) : notFound();
  } catch (error) {
    return internalError("DELETE /api/conversations/[id]", error);
  }
}
