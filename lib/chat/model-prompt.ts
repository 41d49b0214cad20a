import "server-only";
import type { ChatMessage } from "@/lib/ai/chat-message";
import { type ModelConfig, modelConfigSchema } from "@/lib/ai/model-config";
import type { LanguageModelDeps } from "@/lib/ai/registry";
import { promptTokenCounter } from "@/lib/ai/tokens/prompt-token-counter";
import { defaultTokenizer, type TokenizerKind } from "@/lib/ai/tokens/tokenizer-kind";
import type { ChatModel } from "@/lib/models/chat-models";
import { buildPrompt, estimateMessageTokens, type HistoryTurn } from "./history";

export interface ModelPrompt {
  prompt: ChatMessage[];
  /** The prompt's tokens by the model's tokenizer (template markers included): the input usage of a stopped answer. */
  promptTokens: number;
}

/**
 * The prompt for one answer of `model`, fitted to its context window by its own tokenizer (see lib/ai/tokens): the
 * backend's /tokenize (unless `countRemotely` is false), Llama 2's or OpenAI's vocabulary, or the estimate with a margin.
 */
export async function buildModelPrompt(
  model: ChatModel,
  history: readonly HistoryTurn[],
  systemPrompt: string | null | undefined,
  maxOutputTokens: number | undefined,
  deps: LanguageModelDeps = {},
  { countRemotely = true }: { countRemotely?: boolean } = {},
): Promise<ModelPrompt> {
  const config = modelConfigSchema.safeParse(model.config);
  const texts = [...history.map((turn) => turn.text), ...(systemPrompt ? [systemPrompt] : [])];
  // The prompt is counted before the privacy guard sees it: where the policy may redact or refuse something,
  // the backend's /tokenize must not get the text first (see mayCountRemotely).
  const counting = config.success && !countRemotely ? { ...config.data, tokenizer: localTokenizer(config.data) } : config.data;
  const countTokens = counting ? (await promptTokenCounter(counting, texts, { transport: deps.transport })).count : estimateMessageTokens;
  const prompt = buildPrompt(history, systemPrompt, { contextWindow: model.defaults.contextWindow, maxOutputTokens, countTokens });
  return { prompt, promptTokens: prompt.reduce((sum, message) => sum + countTokens(message), 0) };
}

function localTokenizer(config: ModelConfig): TokenizerKind {
  const kind = config.tokenizer ?? defaultTokenizer(config.provider);
  return kind === "server" ? "estimate" : kind;
}
