import { bodyField } from "./openai-style";

/** What Meta's Llama 2 chat template (as vLLM, TGI's Messages API and llama.cpp render it with Jinja) raises. */
export const ALTERNATION_ERROR = "Conversation roles must alternate user/assistant/user/assistant/...";

/**
 * The template's rule: after an optional leading system message, the roles go user, assistant, user, … (a system
 * message anywhere else breaks it too). Returns the template's exception text, or undefined when the turns pass.
 */
export function llama2TemplateProblem(json: unknown): string | undefined {
  const messages = bodyField<Array<{ role?: unknown }>>(json, "messages") ?? [];
  const turns = messages[0]?.role === "system" ? messages.slice(1) : messages;
  for (const [index, message] of turns.entries()) {
    if ((message.role === "user") !== (index % 2 === 0)) return ALTERNATION_ERROR;
  }
  return undefined;
}
