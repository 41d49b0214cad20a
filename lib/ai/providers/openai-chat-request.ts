import type { LanguageModelV4CallOptions, SharedV4Warning } from "@ai-sdk/provider";
import type { ChatMessage } from "../chat-message";

export interface OpenAiChatBodyOptions {
  model?: string;
  /** Sent when the call does not set maxOutputTokens; some servers default to 16 tokens. */
  defaultMaxTokens?: number;
  includeUsage: boolean;
  /** TGI rejects top_p >= 1 with a 422, so servers that may be TGI get it omitted (1.0 means "off" anyway). */
  omitTopPAtOne?: boolean;
  maxStopSequences?: number;
}

/** The streaming chat-completions request body shared by Azure, OpenAI-compatible servers and Jamba. */
export function openAiChatBody(
  messages: readonly ChatMessage[],
  options: LanguageModelV4CallOptions,
  settings: OpenAiChatBodyOptions,
  warnings: SharedV4Warning[],
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (settings.model) body.model = settings.model;
  body.messages = messages.map((message) => ({ role: message.role, content: message.content }));
  body.stream = true;
  if (settings.includeUsage) body.stream_options = { include_usage: true };
  const maxTokens = options.maxOutputTokens ?? settings.defaultMaxTokens;
  if (maxTokens !== undefined) body.max_tokens = maxTokens;
  if (options.temperature !== undefined) body.temperature = options.temperature;
  if (options.topP !== undefined && !(settings.omitTopPAtOne && options.topP >= 1)) body.top_p = options.topP;
  if (options.presencePenalty !== undefined) body.presence_penalty = options.presencePenalty;
  if (options.frequencyPenalty !== undefined) body.frequency_penalty = options.frequencyPenalty;
  if (options.seed !== undefined) body.seed = options.seed;
  if (options.topK !== undefined) warnings.push({ type: "unsupported", feature: "topK" });
  const stops = limitStops(options.stopSequences, settings.maxStopSequences ?? 4, warnings);
  if (stops) body.stop = stops;
  return body;
}

export function limitStops(stops: readonly string[] | undefined, max: number, warnings: SharedV4Warning[]): string[] | undefined {
  if (!stops || stops.length === 0) return undefined;
  if (stops.length > max) warnings.push({ type: "unsupported", feature: "stopSequences", details: `only the first ${max} are sent` });
  return stops.slice(0, max);
}
