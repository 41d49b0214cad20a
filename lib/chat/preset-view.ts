/** A preset as the browser sees it (the user's own texts only). */
export interface PresetView {
  id: string;
  name: string;
  systemPrompt: string | null;
  /** A first message, put in the composer when a chat starts from the preset. */
  prompt: string | null;
  modelId: string | null;
  temperature: number | null;
  maxOutputTokens: number | null;
  updatedAt: string;
}
