import type { LanguageModelV4 } from "@ai-sdk/provider";
import { buildJ2CompletePrompt, J2_TURN_STOP } from "../j2-prompt";
import { AI21_PROVIDER, type Ai21Settings, ai21BaseUrl, ai21Headers, j2SamplingFields } from "./ai21-shared";
import { type Backend, type BackendEvent, definedHeaders, headersToRecord } from "./backend-call";
import { createChatModel } from "./chat-model";
import { mapFinishReason } from "./finish-reason";
import { postJson, readBodyJson } from "./http";
import { type ErrorContext, streamError } from "./http-errors";
import { isRecord } from "./upstream-error-body";

// The API's own default is 16 tokens, far too short for chat.
const DEFAULT_MAX_TOKENS = 1024;

/** J2 complete (`POST /{model}/complete`): no streaming, so doStream delivers the answer as one text delta. */
export function createJ2CompleteModel(settings: Ai21Settings): LanguageModelV4 {
  const url = `${ai21BaseUrl(settings)}/${encodeURIComponent(settings.model)}/complete`;
  const errors: ErrorContext = { provider: AI21_PROVIDER, secrets: settings.apiKey ? [settings.apiKey] : [] };
  const backend: Backend = {
    provider: AI21_PROVIDER,
    modelId: settings.model,
    async start({ options, messages, watchdog }) {
      const body = {
        prompt: buildJ2CompletePrompt(messages),
        ...j2SamplingFields(options, options.maxOutputTokens ?? settings.maxOutputTokens ?? DEFAULT_MAX_TOKENS),
        stopSequences: [J2_TURN_STOP, ...(options.stopSequences ?? [])],
      };
      const headers = { ...ai21Headers(settings), ...definedHeaders(options.headers) };
      const response = await postJson({ url, headers, body, watchdog, errors, transport: settings.transport, nonStreaming: true });
      const json = await readBodyJson(response, watchdog, AI21_PROVIDER);
      return { url, body, responseHeaders: headersToRecord(response.headers), events: completeEvents(json, errors) };
    },
  };
  return createChatModel(backend, settings.timeouts, settings.onRetry);
}

async function* completeEvents(json: unknown, errors: ErrorContext): AsyncGenerator<BackendEvent> {
  const completion = isRecord(json) && Array.isArray(json.completions) ? json.completions[0] : undefined;
  const data = isRecord(completion) && isRecord(completion.data) ? completion.data : undefined;
  if (!isRecord(completion) || !data || typeof data.text !== "string") throw streamError(errors, { error: "response has no completions[0].data.text" });
  if (isRecord(json) && typeof json.id === "string") yield { type: "metadata", id: json.id };
  yield { type: "text", text: data.text.trim() };
  const finish = isRecord(completion.finishReason) ? completion.finishReason : undefined;
  const prompt = isRecord(json) && isRecord(json.prompt) ? json.prompt : undefined;
  yield {
    type: "finish",
    finishReason: mapFinishReason(typeof finish?.reason === "string" ? finish.reason : undefined),
    // J2 returns the prompt's and the completion's tokens: their counts are the usage.
    usage: {
      inputTokens: Array.isArray(prompt?.tokens) ? prompt.tokens.length : undefined,
      outputTokens: Array.isArray(data.tokens) ? data.tokens.length : undefined,
    },
  };
}
