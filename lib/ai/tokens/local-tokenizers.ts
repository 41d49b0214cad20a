import type { TokenizerKind } from "./tokenizer-kind";

export type CountText = (text: string) => number;

/** Characters per token for the fallback: lower than the ÷ 4 of usage estimates, so the prompt is over-counted. */
export const ESTIMATE_CHARS_PER_TOKEN = 3;

export const estimateCount: CountText = (text) => Math.ceil(text.length / ESTIMATE_CHARS_PER_TOKEN);

const loading = new Map<TokenizerKind, Promise<CountText>>();
const ready = new Map<TokenizerKind, CountText>();

/**
 * The in-process tokenizer when its vocabulary is loaded, else null — and the load starts in the background. A
 * vocabulary takes from a fraction of a second to several on a busy machine: the first requests of a process are
 * counted by the (over-counting) estimate instead of waiting for it.
 */
export function localTokenizerIfReady(kind: "llama2" | "o200k" | "cl100k"): CountText | null {
  const counter = ready.get(kind);
  if (counter) return counter;
  void localTokenizer(kind).catch((error: unknown) => {
    console.error(`[ai] could not load the ${kind} tokenizer: ${error instanceof Error ? error.message : String(error)}`);
  });
  return null;
}

/** Loads (once) and returns the in-process tokenizer. */
export function localTokenizer(kind: "llama2" | "o200k" | "cl100k"): Promise<CountText> {
  let counter = loading.get(kind);
  if (!counter) {
    counter = load(kind).then((count) => {
      ready.set(kind, count);
      return count;
    });
    counter.catch(() => loading.delete(kind));
    loading.set(kind, counter);
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
