/** GET /api/conversations/[id]: the user's choices and the limits of the conversation's model (nothing secret). */
export interface ConversationSettingsView {
  systemPrompt: string | null;
  temperature: number | null;
  maxOutputTokens: number | null;
  model: { id: string; name: string; maxOutputTokensLimit: number } | null;
}
