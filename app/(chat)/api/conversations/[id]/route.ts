import { refuseCrossOriginWrite } from "@/lib/api/refuse-cross-origin";
import { apiError, apiJson } from "@/lib/api/responses";
import { getCurrentUser } from "@/lib/auth/session";
import { internalError } from "@/lib/chat/api-responses";
import { changeConversationSettings, loadConversationSettings } from "@/lib/chat/conversation-settings";
import { changeConversation, deleteConversation } from "@/lib/chat/conversation-view";
import { conversationIdSchema, firstIssueMessage, readJsonBody } from "@/lib/chat/request-input";
import { conversationPatchSchema, settingsOfPatch } from "../input";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

const notFound = () => apiError("not_found", "This conversation does not exist.");

/** The conversation's settings for the settings dialog: its choices and its model's limits (ConversationSettingsView). */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const id = conversationIdSchema.safeParse((await params).id);
  if (!id.success) return apiError("bad_request", "The conversation id is not valid.");
  const user = await getCurrentUser();
  if (!user) return apiError("unauthorized", "Sign in to continue.");
  try {
    const view = await loadConversationSettings(user, id.data);
    return view ? apiJson(view) : notFound();
  } catch (error) {
    return internalError("GET /api/conversations/[id]", error);
  }
}

/**
 * `{ title?, pinned?, systemPrompt?, temperature?, maxOutputTokens? }` → the updated ConversationSummary, with
 * `settings` (ConversationSettingsView) when settings were sent. Settings are checked against the model's limits
 * first (400 naming the limit), so a refused patch changes nothing. A typed title is never replaced by the automatic one.
 */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const crossOrigin = refuseCrossOriginWrite(request);
  if (crossOrigin) return crossOrigin;
  const id = conversationIdSchema.safeParse((await params).id);
  if (!id.success) return apiError("bad_request", "The conversation id is not valid.");
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const changes = conversationPatchSchema.safeParse(body.value);
  if (!changes.success) return apiError("bad_request", firstIssueMessage(changes.error));
  const user = await getCurrentUser();
  if (!user) return apiError("unauthorized", "Sign in to continue.");
  try {
    const settingsInput = settingsOfPatch(changes.data);
    const settings = settingsInput ? await changeConversationSettings(user, id.data, settingsInput) : null;
    if (settings && !settings.ok) return settings.status === 400 ? apiError("bad_request", settings.message) : notFound();
    const { title, pinned } = changes.data;
    const conversation = await changeConversation(user.id, id.data, { title, pinned });
    if (!conversation) return notFound();
    return apiJson(settings ? { ...conversation, settings: settings.view } : conversation);
  } catch (error) {
    return internalError("PATCH /api/conversations/[id]", error);
  }
}

/** Deletes the conversation and its messages (stopping an answer being written there first) → { deleted: true }. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const crossOrigin = refuseCrossOriginWrite(request);
  if (crossOrigin) return crossOrigin;
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
