import "server-only";
import type { ChatMessage } from "@/lib/ai/chat-message";
import { modelConfigSchema } from "@/lib/ai/model-config";
import type { LanguageModelDeps } from "@/lib/ai/registry";
import { promptTokenCounter } from "@/lib/ai/tokens/prompt-token-counter";
import type { ChatModel } from "@/lib/models/chat-models";
import { buildPrompt, estimateMessageTokens, type HistoryTurn } from "./history";

export interface ModelPrompt {
  prompt: ChatMessage[];
  /** The prompt's tokens by the model's tokenizer (template markers included): the input usage of a stopped answer. */
  promptTokens: number;
}

/**
 * The prompt for one answer of `model`, fitted to its context window by its own tokenizer (see lib/ai/tokens): the
 * backend's /tokenize, Llama 2's or OpenAI's vocabulary, or the estimate with a margin.
 */
export async function buildModelPrompt(
  model: ChatModel,
  history: readonly HistoryTurn[],
  systemPrompt: string | null | undefined,
  maxOutputTokens: number | undefined,
  deps: LanguageModelDeps = {},
): Promise<ModelPrompt> {
  const config = modelConfigSchema.safeParse(model.config);
  const texts = [...history.map((turn) => turn.text), ...(systemPrompt ? [systemPrompt] : [])];
  const countTokens = config.success ? (await promptTokenCounter(config.data, texts, { fetch: deps.fetch })).count : estimateMessageTokens;
  const prompt = buildPrompt(history, systemPrompt, { contextWindow: model.defaults.contextWindow, maxOutputTokens, countTokens });
  return { prompt, promptTokens: prompt.reduce((sum, message) => sum + countTokens(message), 0) };
}
