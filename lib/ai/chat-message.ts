/** A plain-text conversation turn: what every backend here understands. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/**
 * For models whose chat template has no system role (Gemma's and early Mistral's refuse one; some Ollama templates
 * drop it silently): the system text goes in front of the first user message, so it still reaches the model.
 */
export function foldSystemIntoFirstUser(messages: readonly ChatMessage[]): ChatMessage[] {
  const system = messages
    .filter((m) => m.role === "system")
    .map((m) => m.content.trim())
    .filter((text) => text !== "");
  const turns = messages.filter((m) => m.role !== "system").map((m) => ({ ...m }));
  const first = turns.find((m) => m.role === "user");
  if (system.length === 0) return turns;
  if (!first) return [{ role: "user", content: system.join("\n\n") }, ...turns];
  first.content = `${system.join("\n\n")}\n\n${first.content}`;
  return turns;
}
