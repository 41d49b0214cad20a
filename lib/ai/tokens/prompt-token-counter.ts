import type { BackendTransport } from "../backend-transport";
import type { ChatMessage } from "../chat-message";
import type { ModelConfig } from "../model-config";
import { type CountText, estimateCount, localTokenizerIfReady } from "./local-tokenizers";
import { serverTokenCount, tokenizeTargetFor } from "./server-tokenizer";
import { defaultTokenizer, type TokenizerKind } from "./tokenizer-kind";

// The text a Llama 2 chat template wraps around each turn (Meta's template: `<s>[INST] user [/INST] answer </s>`,
// the system prompt inside <<SYS>>); BOS and EOS are one token each.
const LLAMA2_USER_WRAPPER = "[INST]  [/INST]";
const LLAMA2_ANSWER_WRAPPER = "  ";
const LLAMA2_SYSTEM_WRAPPER = "<<SYS>>\n\n<</SYS>>\n\n";
/** ChatML-style formats (OpenAI) and the estimate: about four tokens of markers per message. */
const TOKENS_PER_MESSAGE = 4;

export interface PromptTokenCounter {
  /** The tokenizer actually used (`estimate` after a fallback). */
  kind: TokenizerKind;
  /** Tokens of one message as sent, its template markers included. */
  count(message: ChatMessage): number;
}

/**
 * Counts the given texts once with the model's tokenizer (its `tokenizer` setting, else the provider's default) and
 * returns a counter for messages made of them; a text not counted beforehand is estimated. A server tokenizer that
 * fails falls back to the estimate (and says so in `kind`).
 */
export async function promptTokenCounter(
  config: ModelConfig,
  texts: readonly string[],
  deps: { transport?: BackendTransport } = {},
): Promise<PromptTokenCounter> {
  const wanted = config.tokenizer ?? defaultTokenizer(config.provider);
  const unique = [...new Set(texts)];
  let kind: TokenizerKind = wanted;
  let counts: Map<string, number>;
  try {
    counts = await countAll(wanted, config, [...unique, LLAMA2_USER_WRAPPER, LLAMA2_ANSWER_WRAPPER, LLAMA2_SYSTEM_WRAPPER], deps.transport);
  } catch (error) {
    const key = `${config.provider} ${config.endpoint} ${wanted}`;
    if (!(error instanceof TokenizerLoading) && !warned.has(key)) {
      warned.add(key);
      console.warn(`[ai] ${config.provider} tokenizer "${wanted}" failed, estimating instead: ${error instanceof Error ? error.message : String(error)}`);
    }
    kind = "estimate";
    counts = await countAll("estimate", config, unique, deps.transport);
  }
  const of = (text: string) => counts.get(text) ?? estimateCount(text);
  const llamaTemplate = kind === "server" || kind === "llama2";
  const overhead = (role: ChatMessage["role"]) => {
    if (!llamaTemplate) return TOKENS_PER_MESSAGE;
    if (role === "user") return of(LLAMA2_USER_WRAPPER) + 1;
    if (role === "assistant") return of(LLAMA2_ANSWER_WRAPPER) + 1;
    return of(LLAMA2_SYSTEM_WRAPPER);
  };
  return { kind, count: (message) => of(message.content) + overhead(message.role) };
}

/** Thrown while a vocabulary is still loading: the caller falls back to the estimate for this prompt. */
class TokenizerLoading extends Error {}

function notReady(kind: TokenizerKind): never {
  throw new TokenizerLoading(`the ${kind} vocabulary is still loading`);
}

const SERVER_CONCURRENCY = 4;
/** Tokenizers that failed and were reported: one log line each, not one per message. */
const warned = new Set<string>();

async function countAll(
  kind: TokenizerKind,
  config: ModelConfig,
  texts: readonly string[],
  transport: BackendTransport | undefined,
): Promise<Map<string, number>> {
  if (kind === "server") {
    const target = tokenizeTargetFor(config);
    if (!target) throw new Error("this backend has no /tokenize");
    const counts = new Map<string, number>();
    const queue = [...texts];
    const worker = async () => {
      for (let text = queue.shift(); text !== undefined; text = queue.shift()) counts.set(text, await serverTokenCount(target, text, transport));
    };
    await Promise.all(Array.from({ length: SERVER_CONCURRENCY }, worker));
    return counts;
  }
  const count: CountText = kind === "estimate" ? estimateCount : (localTokenizerIfReady(kind) ?? notReady(kind));
  return new Map(texts.map((text) => [text, count(text)]));
}
