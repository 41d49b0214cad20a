import type { ChatMessage } from "@/lib/ai/chat-message";
import type { MessageStatus } from "./types";

export const DEFAULT_CONTEXT_WINDOW = 4096;
/** Reserved for the answer when neither the model's defaults nor its config name a maximum. */
export const DEFAULT_OUTPUT_RESERVE = 1024;
/** Role markers and separators every chat format adds around a message. */
const TOKENS_PER_MESSAGE = 4;

/**
 * What the model is sent in place of an answer that has no text (failed, stopped before the first token, empty).
 *
 * Why a placeholder and not folding the unanswered question into the next one: chat templates such as Meta's Llama 2
 * (vLLM, TGI's Messages API, llama.cpp) refuse turns that do not alternate, so `user, user` must never leave. Of the
 * two repairs, the placeholder keeps every stored turn where it was: the model sees that the earlier question went
 * unanswered instead of being asked it again glued to the new one (after a deliberate Stop the user does not want
 * it answered), the history is still trimmed by whole exchanges, and the prompt's start stays byte-identical from
 * one request to the next, so servers that cache the prompt prefix (llama.cpp, vLLM) keep their cache. The user sees
 * nothing of it: only the prompt is repaired, never the stored conversation.
 */
export const UNANSWERED_PLACEHOLDER = "(no answer)";

export interface HistoryTurn {
  role: "system" | "user" | "assistant";
  text: string;
  status: MessageStatus;
}

/** Tokens of one message as sent, its role markers included. */
export type MessageTokenCounter = (message: ChatMessage) => number;

export interface PromptBudget {
  contextWindow?: number;
  maxOutputTokens?: number;
  /** The model's tokenizer (see lib/ai/tokens); the chars/4 estimate when absent. */
  countTokens?: MessageTokenCounter;
}

/** The same chars/4 rule the providers use for estimated usage, plus the per-message overhead. */
export function estimateMessageTokens(message: ChatMessage): number {
  return Math.ceil(message.content.length / 4) + TOKENS_PER_MESSAGE;
}

/**
 * The prompt for the next answer: the system prompt first, then as many of the latest turns as fit in the context
 * window minus the room reserved for the answer. Whole exchanges are dropped, oldest first, so the prompt always
 * starts with a user message; the system prompt and the newest user message are always kept, even if they alone
 * do not fit (the backend then says so). The turns always alternate user / assistant (see UNANSWERED_PLACEHOLDER).
 */
export function buildPrompt(history: readonly HistoryTurn[], systemPrompt: string | null | undefined, budget: PromptBudget = {}): ChatMessage[] {
  const count = budget.countTokens ?? estimateMessageTokens;
  const system: ChatMessage[] = systemPrompt?.trim() ? [{ role: "system", content: systemPrompt }] : [];
  const exchanges = groupIntoExchanges(alternatingTurns(history));
  const newest = exchanges.pop();
  if (!newest) return system;

  const window = budget.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
  const tokensOf = (messages: readonly ChatMessage[]) => messages.reduce((sum, message) => sum + count(message), 0);
  let remaining = window - (budget.maxOutputTokens ?? DEFAULT_OUTPUT_RESERVE) - tokensOf(system) - tokensOf(newest);
  const kept: ChatMessage[][] = [];
  for (let index = exchanges.length - 1; index >= 0; index--) {
    const exchange = exchanges[index] ?? [];
    const cost = tokensOf(exchange);
    if (cost > remaining) break;
    remaining -= cost;
    kept.unshift(exchange);
  }
  return [...system, ...kept.flat(), ...newest];
}

/**
 * The stored branch as strictly alternating turns, starting with a user message: stored system rows and answers
 * still streaming are left out (the system prompt comes from settings), an answer without text becomes
 * UNANSWERED_PLACEHOLDER, a question followed by another question gets the placeholder between them, answers before
 * the first question are dropped, and two answers in a row are joined.
 */
export function alternatingTurns(history: readonly HistoryTurn[]): ChatMessage[] {
  const turns: ChatMessage[] = [];
  for (const turn of history) {
    if (turn.role === "system" || turn.status === "streaming") continue;
    const previous = turns[turns.length - 1];
    if (turn.role === "user") {
      if (previous?.role === "user") turns.push({ role: "assistant", content: UNANSWERED_PLACEHOLDER });
      turns.push({ role: "user", content: turn.text });
      continue;
    }
    if (!previous) continue;
    const text = turn.text.trim() === "" ? null : turn.text;
    if (previous.role === "user") turns.push({ role: "assistant", content: text ?? UNANSWERED_PLACEHOLDER });
    else if (text !== null) previous.content = previous.content === UNANSWERED_PLACEHOLDER ? text : `${previous.content}\n\n${text}`;
  }
  return turns;
}

/** [user, answer] groups (the last one may be a lone question). */
function groupIntoExchanges(messages: readonly ChatMessage[]): ChatMessage[][] {
  const exchanges: ChatMessage[][] = [];
  for (const message of messages) {
    if (message.role === "user") exchanges.push([message]);
    else exchanges[exchanges.length - 1]?.push(message);
  }
  return exchanges;
}
