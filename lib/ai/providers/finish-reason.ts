import type { LanguageModelV4FinishReason } from "@ai-sdk/provider";

/** One table for every backend's finish vocabulary (OpenAI, TGI, Ollama, AI21). */
export function mapFinishReason(raw: string | null | undefined): LanguageModelV4FinishReason {
  const value = raw ?? undefined;
  switch (value) {
    case "stop":
    case "eos_token":
    case "stop_sequence":
    case "endoftext":
      return { unified: "stop", raw: value };
    case "length":
    case "max_tokens":
      return { unified: "length", raw: value };
    case "content_filter":
      return { unified: "content-filter", raw: value };
    case "tool_calls":
    case "function_call":
      return { unified: "tool-calls", raw: value };
    default:
      return { unified: "other", raw: value };
  }
}
