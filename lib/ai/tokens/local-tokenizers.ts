import type { TokenizerKind } from "./tokenizer-kind";

export type CountText = (text: string) => number;

/** Characters per token for the fallback: lower than the ÷ 4 of usage estimates, so the prompt is over-counted. */
export const ESTIMATE_CHARS_PER_TOKEN = 3;

export const estimateCount: CountText = (text) => Math.ceil(text.length / ESTIMATE_CHARS_PER_TOKEN);

const loaded = new Map<TokenizerKind, Promise<CountText>>();

/** The in-process tokenizers, loaded on first use (their vocabularies are megabytes). */
export function localTokenizer(kind: "llama2" | "o200k" | "cl100k"): Promise<CountText> {
  let counter = loaded.get(kind);
  if (!counter) {
    counter = load(kind);
    loaded.set(kind, counter);
  }
  return counter;
}

async function load(kind: "llama2" | "o200k" | "cl100k"): Promise<CountText> {
  switch (kind) {
    case "llama2": {
      const { default: llama } = await import("llama-tokenizer-js");
      // No BOS: the template's markers are counted apart (see chat-template-overhead).
      return (text) => (text === "" ? 0 : llama.encode(text, false).length);
    }
    case "o200k": {
      const { countTokens } = await import("gpt-tokenizer/encoding/o200k_base");
      return (text) => countTokens(text);
    }
    case "cl100k": {
      const { countTokens } = await import("gpt-tokenizer/encoding/cl100k_base");
      return (text) => countTokens(text);
    }
  }
}
