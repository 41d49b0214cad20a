import type { LanguageModelV4 } from "@ai-sdk/provider";
import { AI21_PROVIDER, type Ai21Settings, ai21BaseUrl, ai21Headers, j2SamplingFields } from "./ai21-shared";
import { type Backend, type BackendEvent, definedHeaders, headersToRecord } from "./backend-call";
import { createChatModel } from "./chat-model";
import { mapFinishReason } from "./finish-reason";
import { postJson, readBodyJson } from "./http";
import { type ErrorContext, streamError } from "./http-errors";
import { limitStops } from "./openai-chat-request";
import { isRecord } from "./upstream-error-body";

const DEFAULT_MAX_TOKENS = 1024;

/** J2 chat (`POST /{model}/chat`, system + messages with `text`): no streaming, one text delta, no token counts. */
export function createJ2ChatModel(settings: Ai21Settings): LanguageModelV4 {
  const url = `${ai21BaseUrl(settings)}/${encodeURIComponent(settings.model)}/chat`;
  const errors: ErrorContext = { provider: AI21_PROVIDER, secrets: settings.apiKey ? [settings.apiKey] : [] };
  const backend: Backend = {
    provider: AI21_PROVIDER,
    modelId: settings.model,
    async start({ options, messages, watchdog, warnings }) {
      const body: Record<string, unknown> = {
        // Required by the API even when empty.
        system: messages
          .filter((m) => m.role === "system")
          .map((m) => m.content)
          .join("\n\n"),
        messages: messages.filter((m) => m.role !== "system").map((m) => ({ role: m.role, text: m.content })),
        ...j2SamplingFields(options, options.maxOutputTokens ?? settings.maxOutputTokens ?? DEFAULT_MAX_TOKENS),
      };
      const stops = limitStops(options.stopSequences, 16, warnings);
      if (stops) body.stopSequences = stops;
      const headers = { ...ai21Headers(settings), ...definedHeaders(options.headers) };
      const response = await postJson({ url, headers, body, watchdog, errors, transport: settings.transport, nonStreaming: true });
      const json = await readBodyJson(response, watchdog, AI21_PROVIDER);
      return { url, body, responseHeaders: headersToRecord(response.headers), events: chatEvents(json, errors) };
    },
  };
  return createChatModel(backend, settings.timeouts, settings.onRetry);
}

async function* chatEvents(json: unknown, errors: ErrorContext): AsyncGenerator<BackendEvent> {
  const output = isRecord(json) && Array.isArray(json.outputs) ? json.outputs[0] : undefined;
  if (!isRecord(output) || typeof output.text !== "string") throw streamError(errors, { error: "response has no outputs[0].text" });
  if (isRecord(json) && typeof json.id === "string") yield { type: "metadata", id: json.id };
  yield { type: "text", text: output.text.trim() };
  const finish = isRecord(output.finishReason) ? output.finishReason : undefined;
  yield { type: "finish", finishReason: mapFinishReason(typeof finish?.reason === "string" ? finish.reason : undefined) };
}
