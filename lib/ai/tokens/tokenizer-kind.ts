/**
 * How a model's prompt is counted for context fitting:
 * - `server`: the backend's own tokenizer (`POST /tokenize` on TGI, llama.cpp and vLLM) — exact for any model;
 * - `llama2`: Meta's Llama 2 SentencePiece vocabulary (llama-tokenizer-js), for Llama 2 served without /tokenize;
 * - `o200k` / `cl100k`: OpenAI's encodings (gpt-tokenizer): GPT-4o and newer / GPT-4 and GPT-3.5;
 * - `estimate`: characters ÷ 3, a deliberate over-count (usage estimates use ÷ 4).
 * Whatever cannot be had (a server without /tokenize, a failing call) falls back to `estimate`.
 */
export const TOKENIZER_KINDS = ["server", "llama2", "o200k", "cl100k", "estimate"] as const;

export type TokenizerKind = (typeof TOKENIZER_KINDS)[number];

/** The default per provider: what each backend usually serves, or can tell. */
export function defaultTokenizer(provider: string): TokenizerKind {
  switch (provider) {
    case "azure-openai":
      return "o200k";
    case "tgi":
    case "openai-compatible":
      return "server";
    case "ollama":
      return "llama2";
    default:
      return "estimate";
  }
}
