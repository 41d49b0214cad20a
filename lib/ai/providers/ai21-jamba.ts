import type { LanguageModelV4 } from "@ai-sdk/provider";
import { AI21_PROVIDER, type Ai21Settings, ai21BaseUrl, ai21Headers } from "./ai21-shared";
import { type Backend, definedHeaders, headersToRecord } from "./backend-call";
import { createChatModel } from "./chat-model";
import { postJson } from "./http";
import type { ErrorContext } from "./http-errors";
import { openAiChatBody } from "./openai-chat-request";
import { readOpenAiChatStream } from "./openai-chat-stream";

const DEFAULT_MAX_TOKENS = 1024;

/** Jamba chat completions (`POST /chat/completions`): OpenAI-style SSE, usage on the last chunk. */
export function createJambaModel(settings: Ai21Settings): LanguageModelV4 {
  const url = `${ai21BaseUrl(settings)}/chat/completions`;
  const errors: ErrorContext = { provider: AI21_PROVIDER, secrets: settings.apiKey ? [settings.apiKey] : [] };
  const backend: Backend = {
    provider: AI21_PROVIDER,
    modelId: settings.model,
    async start({ options, messages, watchdog, warnings }) {
      const body = {
        ...openAiChatBody(
          messages,
          options,
          // Jamba always puts usage on its last chunk and documents no stream_options.
          { model: settings.model, includeUsage: false, defaultMaxTokens: settings.maxOutputTokens ?? DEFAULT_MAX_TOKENS },
          warnings,
        ),
        // The API requires n = 1 when streaming.
        n: 1,
      };
      const headers = { ...ai21Headers(settings), ...definedHeaders(options.headers) };
      const response = await postJson({ url, headers, body, watchdog, errors, transport: settings.transport });
      return { url, body, responseHeaders: headersToRecord(response.headers), events: readOpenAiChatStream(response, watchdog, errors) };
    },
  };
  return createChatModel(backend, settings.timeouts, settings.onRetry);
}
