import type { ChatMessage } from "./chat-message";

/** Where J2 should stop: the start of the next user turn it would otherwise invent. */
export const J2_TURN_STOP = "\nUser:";

/**
 * J2 complete is a plain text-completion API, so the conversation is written as a transcript that ends with an open
 * assistant turn: the system text first, then `User:` / `Assistant:` lines. (protocols.md gives no chat format for
 * J2 complete; this is the common transcript form, and J2_TURN_STOP keeps the model from writing the user's part.)
 */
export function buildJ2CompletePrompt(messages: readonly ChatMessage[]): string {
  const system = messages
    .filter((m) => m.role === "system")
    .map((m) => m.content.trim())
    .filter((text) => text !== "")
    .join("\n\n");
  const transcript = messages
    .filter((m) => m.role !== "system")
    .map((m) => `${m.role === "user" ? "User" : "Assistant"}: ${m.content.trim()}`)
    .join("\n");
  return `${system ? `${system}\n\n` : ""}${transcript}\nAssistant:`;
}
