/** A plain-text conversation turn: what every backend here understands. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}
