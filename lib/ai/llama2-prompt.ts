import type { ChatMessage } from "./chat-message";

// Meta's reference implementation: meta-llama/llama llama/generation.py, Llama.chat_completion.
const B_INST = "[INST]";
const E_INST = "[/INST]";
const B_SYS = "<<SYS>>\n";
const E_SYS = "\n<</SYS>>\n\n";
// Written as text: TGI's tokenizer turns them into the BOS/EOS ids that Meta's encode(bos, eos) adds.
const BOS = "<s>";
const EOS = "</s>";

export const LLAMA2_SPECIAL_TAGS = [B_INST, E_INST, "<<SYS>>", "<</SYS>>"] as const;

export class Llama2PromptError extends Error {
  constructor(
    message: string,
    readonly reason: "special-tags" | "roles",
  ) {
    super(message);
    this.name = "Llama2PromptError";
  }
}

/**
 * Renders a conversation as Llama 2 chat text, exactly as Meta's chat_completion tokenises it:
 * system folded into the first user turn inside <<SYS>>, each finished exchange as
 * `<s>[INST] user [/INST] answer </s>`, and the open turn as `<s>[INST] user [/INST]`.
 *
 * Differences from Meta, only where Meta would refuse the dialog: several system messages are joined with a blank
 * line, and consecutive turns of the same role are merged, because chat apps produce them (e.g. after a failed answer).
 * Messages containing [INST], [/INST], <<SYS>> or <</SYS>> are refused, as Meta refuses them.
 */
export function buildLlama2Prompt(messages: readonly ChatMessage[]): string {
  for (const message of messages) {
    if (LLAMA2_SPECIAL_TAGS.some((tag) => message.content.includes(tag))) {
      throw new Llama2PromptError("special tags are not allowed as part of the prompt", "special-tags");
    }
  }
  const system = messages.filter((m) => m.role === "system").map((m) => m.content);
  const turns = mergeTurns(messages.filter((m) => m.role !== "system"));
  const first = turns[0];
  const last = turns[turns.length - 1];
  if (!first || first.role !== "user") throw new Llama2PromptError("the conversation must start with a user message", "roles");
  if (!last || last.role !== "user") throw new Llama2PromptError("the last message must be from the user", "roles");
  if (system.length > 0) first.content = B_SYS + system.join("\n\n") + E_SYS + first.content;

  let prompt = "";
  for (let i = 0; i + 1 < turns.length; i += 2) {
    const user = turns[i];
    const answer = turns[i + 1];
    if (!user || !answer) break;
    prompt += `${BOS}${B_INST} ${user.content.trim()} ${E_INST} ${answer.content.trim()} ${EOS}`;
  }
  return `${prompt}${BOS}${B_INST} ${last.content.trim()} ${E_INST}`;
}

function mergeTurns(messages: readonly ChatMessage[]): ChatMessage[] {
  const turns: ChatMessage[] = [];
  for (const message of messages) {
    const previous = turns[turns.length - 1];
    if (previous && previous.role === message.role) previous.content += `\n\n${message.content}`;
    else turns.push({ role: message.role, content: message.content });
  }
  return turns;
}
