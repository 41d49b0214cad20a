import type { LanguageModelV4CallOptions, LanguageModelV4Prompt, SharedV4Warning } from "@ai-sdk/provider";
import type { ChatMessage } from "../chat-message";

/**
 * Flattens the AI SDK prompt to text turns. None of these chat backends take files or tools through this app,
 * so such parts are dropped with a warning instead of failing the chat.
 */
export function promptToMessages(prompt: LanguageModelV4Prompt, warnings: SharedV4Warning[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  let dropped = false;
  for (const message of prompt) {
    if (message.role === "system") {
      messages.push({ role: "system", content: message.content });
      continue;
    }
    if (message.role === "tool") {
      dropped = true;
      continue;
    }
    let text = "";
    for (const part of message.content) {
      if (part.type === "text") text += part.text;
      else if (part.type !== "reasoning") dropped = true;
    }
    messages.push({ role: message.role, content: text });
  }
  if (dropped)
    warnings.push({ type: "unsupported", feature: "non-text message parts", details: "files, tool calls and tool results are not sent to this backend" });
  return messages;
}

/** Warnings for call settings that no backend here supports. */
export function unsupportedSettingWarnings(options: LanguageModelV4CallOptions): SharedV4Warning[] {
  const warnings: SharedV4Warning[] = [];
  if (options.tools && options.tools.length > 0) warnings.push({ type: "unsupported", feature: "tools" });
  if (options.responseFormat?.type === "json") warnings.push({ type: "unsupported", feature: "responseFormat json" });
  return warnings;
}

export function promptChars(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + message.content.length, 0);
}
