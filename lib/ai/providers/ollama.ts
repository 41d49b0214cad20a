import type { LanguageModelV4, LanguageModelV4CallOptions } from "@ai-sdk/provider";
import type { BackendResponse, BackendTransport } from "../backend-transport";
import { foldSystemIntoFirstUser } from "../chat-message";
import { LlmError } from "../errors";
import { type Backend, type BackendEvent, definedHeaders, headersToRecord } from "./backend-call";
import { readNdjsonLines } from "./body-events";
import type { CallWatchdog } from "./call-watchdog";
import type { RetryListener } from "./chat-model";
import { createChatModel } from "./chat-model";
import { mapFinishReason } from "./finish-reason";
import { postJson } from "./http";
import { type ErrorContext, streamError } from "./http-errors";
import type { Timeouts } from "./timeouts";
import { isRecord } from "./upstream-error-body";

export interface OllamaSettings {
  /** Ollama base URL, e.g. http://localhost:11434 (POST {endpoint}/api/chat). */
  endpoint: string;
  model: string;
  /** Bearer token for hosted Ollama; a local server needs none. */
  apiKey?: string;
  /** How long Ollama keeps the model loaded after the call, e.g. "5m". */
  keepAlive?: string;
  /** false: the template has no system role, so the system prompt goes in front of the first question. */
  systemRole?: boolean;
  maxOutputTokens?: number;
  timeouts: Timeouts;
  /** Told of each retry before the first token (the chat shows it). */
  onRetry?: RetryListener;
  transport?: BackendTransport;
}

const PROVIDER = "ollama";

export function createOllamaModel(settings: OllamaSettings): LanguageModelV4 {
  const url = `${settings.endpoint.replace(/\/+$/, "")}/api/chat`;
  const errors: ErrorContext = { provider: PROVIDER, secrets: settings.apiKey ? [settings.apiKey] : [] };
  const backend: Backend = {
    provider: PROVIDER,
    modelId: settings.model,
    async start({ options, messages, watchdog }) {
      const body: Record<string, unknown> = {
        model: settings.model,
        messages: (settings.systemRole === false ? foldSystemIntoFirstUser(messages) : messages).map((m) => ({ role: m.role, content: m.content })),
        stream: true,
        options: ollamaOptions(options, settings.maxOutputTokens),
      };
      if (settings.keepAlive) body.keep_alive = settings.keepAlive;
      const headers = { ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}), ...definedHeaders(options.headers) };
      const response = await postJson({ url, headers, body, watchdog, errors, transport: settings.transport });
      return { url, body, responseHeaders: headersToRecord(response.headers), events: readOllamaStream(response, watchdog, errors) };
    },
  };
  return createChatModel(backend, settings.timeouts, settings.onRetry);
}

function ollamaOptions(options: LanguageModelV4CallOptions, maxOutputTokens: number | undefined) {
  const result: Record<string, unknown> = {};
  if (options.temperature !== undefined) result.temperature = options.temperature;
  if (options.topP !== undefined) result.top_p = options.topP;
  if (options.topK !== undefined) result.top_k = options.topK;
  const numPredict = options.maxOutputTokens ?? maxOutputTokens;
  if (numPredict !== undefined) result.num_predict = numPredict;
  if (options.stopSequences && options.stopSequences.length > 0) result.stop = options.stopSequences;
  if (options.seed !== undefined) result.seed = options.seed;
  if (options.presencePenalty !== undefined) result.presence_penalty = options.presencePenalty;
  if (options.frequencyPenalty !== undefined) result.frequency_penalty = options.frequencyPenalty;
  return result;
}

/** Ollama's /api/chat NDJSON: one object per line, the last with `done: true` and token counts; errors as `{"error"}`. */
async function* readOllamaStream(response: BackendResponse, watchdog: CallWatchdog, errors: ErrorContext): AsyncGenerator<BackendEvent> {
  let metadataSent = false;
  for await (const line of readNdjsonLines(response, watchdog, errors.provider)) {
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw streamError(errors, { error: "unparseable NDJSON line" });
    }
    if (!isRecord(data)) throw streamError(errors, { error: "unexpected NDJSON value" });
    if (data.error !== undefined && data.error !== null) throw streamError(errors, data);
    watchdog.activity();
    if (!metadataSent && typeof data.model === "string") {
      metadataSent = true;
      const created = typeof data.created_at === "string" ? new Date(data.created_at) : undefined;
      yield { type: "metadata", modelId: data.model, timestamp: created && !Number.isNaN(created.getTime()) ? created : undefined };
    }
    const message = data.message;
    if (isRecord(message) && typeof message.thinking === "string" && message.thinking !== "") watchdog.progress();
    if (isRecord(message) && typeof message.content === "string" && message.content !== "") {
      watchdog.token();
      yield { type: "text", text: message.content };
    }
    if (data.done === true) {
      yield {
        type: "finish",
        finishReason: mapFinishReason(typeof data.done_reason === "string" ? data.done_reason : "stop"),
        // Both counts are omitempty: prompt_eval_count is missing when the prompt came from Ollama's cache.
        usage: {
          inputTokens: typeof data.prompt_eval_count === "number" ? data.prompt_eval_count : undefined,
          outputTokens: typeof data.eval_count === "number" ? data.eval_count : undefined,
        },
      };
      return;
    }
  }
  throw new LlmError({ code: "stream_error", provider: errors.provider, adminMessage: "stream ended before the final line (done: true)" });
}
