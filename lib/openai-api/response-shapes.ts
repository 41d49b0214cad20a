import type { FinishReason } from "ai";

// The bodies /v1/chat/completions answers with, in OpenAI's shapes.

export type OpenAiFinishReason = "stop" | "length" | "content_filter";

export interface OpenAiUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export function openAiFinishReason(reason: FinishReason | undefined): OpenAiFinishReason {
  if (reason === "length") return "length";
  if (reason === "content-filter") return "content_filter";
  return "stop";
}

export function openAiUsage(usage: { inputTokens: number; outputTokens: number } | null): OpenAiUsage {
  const prompt = usage?.inputTokens ?? 0;
  const completion = usage?.outputTokens ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

export interface CompletionIdentity {
  id: string;
  /** Unix seconds. */
  created: number;
  model: string;
}

export function completionBody(identity: CompletionIdentity, text: string, finishReason: OpenAiFinishReason, usage: OpenAiUsage) {
  return {
    ...identity,
    object: "chat.completion" as const,
    system_fingerprint: null,
    choices: [{ index: 0, message: { role: "assistant" as const, content: text, refusal: null }, logprobs: null, finish_reason: finishReason }],
    usage,
  };
}

/** One streamed chunk; with include_usage every chunk carries usage: null except the last, which has no choices. */
export function chunkBody(
  identity: CompletionIdentity,
  delta: { role?: "assistant"; content?: string },
  finishReason: OpenAiFinishReason | null,
  includeUsage: boolean,
) {
  return {
    ...identity,
    object: "chat.completion.chunk" as const,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(includeUsage ? { usage: null } : {}),
  };
}

export function usageChunkBody(identity: CompletionIdentity, usage: OpenAiUsage) {
  return { ...identity, object: "chat.completion.chunk" as const, system_fingerprint: null, choices: [], usage };
}
