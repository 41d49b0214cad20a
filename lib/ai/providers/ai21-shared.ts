import type { LanguageModelV4CallOptions } from "@ai-sdk/provider";
import type { BackendTransport } from "../backend-transport";
import type { RetryListener } from "./chat-model";
import type { Timeouts } from "./timeouts";

export const AI21_PROVIDER = "ai21";

export interface Ai21Settings {
  /** Studio base URL including /studio/v1. */
  endpoint: string;
  /** J2: "j2-ultra", "j2-mid", "j2-light"; Jamba: "jamba-mini", "jamba-large". */
  model: string;
  apiKey?: string;
  maxOutputTokens?: number;
  timeouts: Timeouts;
  /** Told of each retry before the first token (the chat shows it). */
  onRetry?: RetryListener;
  transport?: BackendTransport;
}

export function ai21BaseUrl(settings: Ai21Settings): string {
  return settings.endpoint.replace(/\/+$/, "");
}

export function ai21Headers(settings: Ai21Settings): Record<string, string> {
  return settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {};
}

/** Sampling fields shared by J2 complete and J2 chat (camelCase, penalties as {scale}). */
export function j2SamplingFields(options: LanguageModelV4CallOptions, maxTokens: number): Record<string, unknown> {
  const fields: Record<string, unknown> = { numResults: 1, maxTokens };
  if (options.temperature !== undefined) fields.temperature = options.temperature;
  if (options.topP !== undefined) fields.topP = options.topP;
  if (options.presencePenalty !== undefined) fields.presencePenalty = { scale: options.presencePenalty };
  if (options.frequencyPenalty !== undefined) fields.frequencyPenalty = { scale: options.frequencyPenalty };
  return fields;
}
