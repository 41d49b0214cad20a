import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { changeConversationSettings, loadConversationSettings } from "@/lib/chat/conversation-settings";
import { changeConversation, deleteConversation } from "@/lib/chat/conversation-view";
import { conversationParamsSchema, conversationPatchSchema, settingsOfPatch } from "../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const notFound = () => new ApiError("not_found", "This conversation does not exist.");

/** The conversation's settings for the settings dialog: its choices and its model's limits (ConversationSettingsView). */
export const GET = route({ auth: "user", params: conversationParamsSchema }, async ({ user, params }) => {
  const view = await loadConversationSettings(user, params.id);
  if (!view) throw notFound();
  return apiJson(view);
});

/**
 * `{ title?, pinned?, systemPrompt?, temperature?, maxOutputTokens? }` → the updated ConversationSummary, with
 * `settings` (ConversationSettingsView) when settings were sent. Settings are checked against the model's limits
 * first (400 naming the limit), so a refused patch changes nothing. A typed title is never replaced by the automatic one.
 */
export const PATCH = route({ auth: "user", params: conversationParamsSchema, body: conversationPatchSchema }, async ({ user, params, body }) => {
  const settingsInput = settingsOfPatch(body);
  const settings = settingsInput ? await changeConversationSettings(user, params.id, settingsInput) : null;
  if (settings && !settings.ok) throw settings.status === 400 ? new ApiError("bad_request", settings.message) : notFound();
  const { title, pinned } = body;
  const conversation = await changeConversation(user.id, params.id, { title, pinned });
  if (!conversation) throw notFound();
  return apiJson(settings ? { ...conversation, settings: settings.view } : conversation);
});

/** Deletes the conversation and its messages (stopping an answer being written there first) → { deleted: true }. */
export const DELETE = route({ auth: "user", params: conversationParamsSchema }, async ({ user, params }) => {
  if (!(await deleteConversation(user.id, params.id))) throw notFound();
  return apiJson({ deleted: true });
});
