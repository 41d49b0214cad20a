import type { LanguageModelV4 } from "@ai-sdk/provider";
import type { BackendTransport } from "../backend-transport";
import { foldSystemIntoFirstUser } from "../chat-message";
import { type Backend, definedHeaders, headersToRecord } from "./backend-call";
import type { RetryListener } from "./chat-model";
import { createChatModel } from "./chat-model";
import { postJson } from "./http";
import type { ErrorContext } from "./http-errors";
import { openAiChatBody } from "./openai-chat-request";
import { readOpenAiChatStream } from "./openai-chat-stream";
import type { Timeouts } from "./timeouts";

export interface OpenAICompatibleSettings {
  /** Base URL including the version segment, e.g. http://vllm:8000/v1 (POST {endpoint}/chat/completions). */
  endpoint: string;
  /** vLLM needs the served model name; llama.cpp and TGI ignore it ("tgi" is TGI's own placeholder). */
  model?: string;
  /** Sent as a Bearer token (vLLM/llama.cpp --api-key, TGI --api-key). */
  apiKey?: string;
  /**
   * Ask for usage (`stream_options.include_usage`). vLLM, TGI and llama.cpp all send it only when asked, in a
   * `choices: []` chunk after the finish chunk; without it llama.cpp's finish chunk still has `timings`, which are
   * read instead. Default true.
   */
  includeUsage?: boolean;
  /** false: the template has no system role, so the system prompt goes in front of the first question. */
  systemRole?: boolean;
  maxOutputTokens?: number;
  timeouts: Timeouts;
  /** Told of each retry before the first token (the chat shows it). */
  onRetry?: RetryListener;
  transport?: BackendTransport;
}

const PROVIDER = "openai-compatible";
// Azure serverless Llama endpoints default to 16 tokens when max_tokens is missing.
const DEFAULT_MAX_TOKENS = 1024;

export function createOpenAICompatibleModel(settings: OpenAICompatibleSettings): LanguageModelV4 {
  const url = `${settings.endpoint.replace(/\/+$/, "")}/chat/completions`;
  const errors: ErrorContext = { provider: PROVIDER, secrets: settings.apiKey ? [settings.apiKey] : [] };
  const backend: Backend = {
    provider: PROVIDER,
    modelId: settings.model ?? "default",
    async start({ options, messages, watchdog, warnings }) {
      const body = openAiChatBody(
        settings.systemRole === false ? foldSystemIntoFirstUser(messages) : messages,
        options,
        {
          model: settings.model,
          includeUsage: settings.includeUsage ?? true,
          defaultMaxTokens: settings.maxOutputTokens ?? DEFAULT_MAX_TOKENS,
          omitTopPAtOne: true,
        },
        warnings,
      );
      const headers = { ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}), ...definedHeaders(options.headers) };
      const response = await postJson({ url, headers, body, watchdog, errors, transport: settings.transport });
      return { url, body, responseHeaders: headersToRecord(response.headers), events: readOpenAiChatStream(response, watchdog, errors) };
    },
  };
  return createChatModel(backend, settings.timeouts, settings.onRetry);
}
