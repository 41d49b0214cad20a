import type { ChatMessage } from "@/lib/ai/chat-message";
import type { MessageStatus } from "./types";

export const DEFAULT_CONTEXT_WINDOW = 4096;
/** Reserved for the answer when neither the model's defaults nor its config name a maximum. */
export const DEFAULT_OUTPUT_RESERVE = 1024;
/** Role markers and separators every chat format adds around a message. */
const TOKENS_PER_MESSAGE = 4;

export interface HistoryTurn {
  role: "system" | "user" | "assistant";
  text: string;
  status: MessageStatus;
}

export interface PromptBudget {
  contextWindow?: number;
  maxOutputTokens?: number;
}

/** The same chars/4 rule the providers use for estimated usage, plus the per-message overhead. */
export function estimateMessageTokens(message: ChatMessage): number {
  return Math.ceil(message.content.length / 4) + TOKENS_PER_MESSAGE;
}

/**
 * The prompt for the next answer: the system prompt first, then as many of the latest turns as fit in the context
 * window minus the room reserved for the answer. Whole exchanges are dropped, oldest first, so the prompt always
 * starts with a user message; the system prompt and the newest user message are always kept, even if they alone
 * do not fit (the backend then says so).
 */
export function buildPrompt(history: readonly HistoryTurn[], systemPrompt: string | null | undefined, budget: PromptBudget = {}): ChatMessage[] {
  const system: ChatMessage[] = systemPrompt?.trim() ? [{ role: "system", content: systemPrompt }] : [];
  const exchanges = groupIntoExchanges(history.filter(isPromptWorthy).map((turn) => ({ role: turn.role, content: turn.text })));
  const newest = exchanges.pop();
  if (!newest) return system;

  const window = budget.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
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

/** Stored system rows are not sent (the system prompt comes from settings); neither are empty answers. */
function isPromptWorthy(turn: HistoryTurn): boolean {
  if (turn.role === "system" || turn.status === "streaming") return false;
  return turn.role === "user" || turn.text.trim() !== "";
}

/** [user, answers...] groups; answers before the first user message have no question and are left out. */
function groupIntoExchanges(messages: ChatMessage[]): ChatMessage[][] {
  const exchanges: ChatMessage[][] = [];
  for (const message of messages) {
    if (message.role === "user") exchanges.push([message]);
    else exchanges[exchanges.length - 1]?.push(message);
  }
  return exchanges;
}

function tokensOf(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + estimateMessageTokens(message), 0);
}
