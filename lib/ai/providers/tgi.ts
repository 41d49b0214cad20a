import type { LanguageModelV4, LanguageModelV4CallOptions, SharedV4Warning } from "@ai-sdk/provider";
import type { BackendResponse, BackendTransport } from "../backend-transport";
import { LlmError } from "../errors";
import { buildLlama2Prompt, Llama2PromptError } from "../llama2-prompt";
import { type Backend, type BackendEvent, definedHeaders, headersToRecord } from "./backend-call";
import { readSseEvents } from "./body-events";
import type { CallWatchdog } from "./call-watchdog";
import type { RetryListener } from "./chat-model";
import { createChatModel } from "./chat-model";
import { mapFinishReason } from "./finish-reason";
import { postJson } from "./http";
import { type ErrorContext, streamError } from "./http-errors";
import { limitStops } from "./openai-chat-request";
import type { Timeouts } from "./timeouts";
import { isRecord } from "./upstream-error-body";

export interface TgiSettings {
  /** TGI base URL, e.g. http://tgi:8080 (POST {endpoint}/generate_stream). */
  endpoint: string;
  /** Label for logs and usage records; TGI serves one model. */
  model: string;
  /** Sent as a Bearer token (TGI --api-key, HF Inference Endpoints). */
  apiKey?: string;
  maxOutputTokens?: number;
  timeouts: Timeouts;
  /** Told of each retry before the first token (the chat shows it). */
  onRetry?: RetryListener;
  transport?: BackendTransport;
}

const PROVIDER = "tgi";
const DEFAULT_MAX_NEW_TOKENS = 1024;
// Meta's reference defaults for Llama 2 chat; without them TGI decodes greedily.
const LLAMA2_TEMPERATURE = 0.6;
const LLAMA2_TOP_P = 0.9;

export function createTgiModel(settings: TgiSettings): LanguageModelV4 {
  const url = `${settings.endpoint.replace(/\/+$/, "")}/generate_stream`;
  const errors: ErrorContext = { provider: PROVIDER, secrets: settings.apiKey ? [settings.apiKey] : [] };
  const backend: Backend = {
    provider: PROVIDER,
    modelId: settings.model,
    async start({ options, messages, watchdog, warnings }) {
      let inputs: string;
      try {
        inputs = buildLlama2Prompt(messages);
      } catch (error) {
        if (!(error instanceof Llama2PromptError)) throw error;
        throw new LlmError({ code: "bad_request", provider: PROVIDER, adminMessage: `prompt refused before sending: ${error.message}` });
      }
      const body = { inputs, parameters: tgiParameters(options, settings.maxOutputTokens, warnings) };
      const headers = { ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}), ...definedHeaders(options.headers) };
      const response = await postJson({ url, headers, body, watchdog, errors, transport: settings.transport });
      return { url, body, responseHeaders: headersToRecord(response.headers), events: readTgiStream(response, watchdog, errors) };
    },
  };
  return createChatModel(backend, settings.timeouts, settings.onRetry);
}

function tgiParameters(options: LanguageModelV4CallOptions, maxOutputTokens: number | undefined, warnings: SharedV4Warning[]) {
  const temperature = options.temperature ?? LLAMA2_TEMPERATURE;
  const topP = options.topP ?? LLAMA2_TOP_P;
  const parameters: Record<string, unknown> = {
    // Without it TGI generates up to the context limit.
    max_new_tokens: options.maxOutputTokens ?? maxOutputTokens ?? DEFAULT_MAX_NEW_TOKENS,
    // TGI validates temperature > 0 and 0 < top_p < 1 (422 otherwise): 0 means greedy, 1 means "no nucleus cut".
    do_sample: temperature > 0,
    details: true,
    return_full_text: false,
  };
  if (temperature > 0) parameters.temperature = temperature;
  if (temperature > 0 && topP > 0 && topP < 1) parameters.top_p = topP;
  if (options.topK !== undefined && options.topK > 0) parameters.top_k = options.topK;
  if (options.seed !== undefined) parameters.seed = options.seed;
  if (options.frequencyPenalty !== undefined) parameters.frequency_penalty = options.frequencyPenalty;
  if (options.presencePenalty !== undefined) warnings.push({ type: "unsupported", feature: "presencePenalty" });
  const stop = limitStops(options.stopSequences, 4, warnings);
  if (stop) parameters.stop = stop;
  return parameters;
}

/** TGI's /generate_stream: `data:{…}` per token (no space), `:` keep-alives, no [DONE]; the last event has generated_text. */
async function* readTgiStream(response: BackendResponse, watchdog: CallWatchdog, errors: ErrorContext): AsyncGenerator<BackendEvent> {
  let started = false;
  for await (const event of readSseEvents(response, watchdog, errors.provider)) {
    if (event.data === undefined) continue;
    const data = parseJson(event.data);
    if (!isRecord(data)) throw streamError(errors, { error: "unparseable stream event" });
    if (data.error !== undefined && data.error !== null) throw streamError(errors, data);
    watchdog.activity();
    const token = data.token;
    if (isRecord(token) && token.special !== true && typeof token.text === "string") {
      // Llama's first token usually carries SentencePiece's leading space; the answer should not start with it.
      const piece = started ? token.text : token.text.trimStart();
      if (piece !== "") {
        started = true;
        watchdog.token();
        yield { type: "text", text: piece };
      }
    }
    if (typeof data.generated_text === "string") {
      const details = isRecord(data.details) ? data.details : undefined;
      yield {
        type: "finish",
        finishReason: mapFinishReason(typeof details?.finish_reason === "string" ? details.finish_reason : "eos_token"),
        usage: details
          ? {
              inputTokens: typeof details.input_length === "number" ? details.input_length : undefined,
              outputTokens: typeof details.generated_tokens === "number" ? details.generated_tokens : undefined,
            }
          : undefined,
      };
      return;
    }
  }
  throw new LlmError({ code: "stream_error", provider: errors.provider, adminMessage: "stream ended before the final event (generated_text)" });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
