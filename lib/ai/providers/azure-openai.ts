import type { LanguageModelV4 } from "@ai-sdk/provider";
import type { BackendResponse, BackendTransport } from "../backend-transport";
import { LlmError } from "../errors";
import { type Backend, type BackendCallInput, definedHeaders, headersToRecord } from "./backend-call";
import type { RetryListener } from "./chat-model";
import { createChatModel } from "./chat-model";
import { postJson } from "./http";
import type { ErrorContext } from "./http-errors";
import { openAiChatBody } from "./openai-chat-request";
import { readOpenAiChatStream } from "./openai-chat-stream";
import type { Timeouts } from "./timeouts";

export type AzureTokenGetter = (signal?: AbortSignal) => Promise<string>;

export type AzureAuth = { type: "api-key"; apiKey: string } | { type: "entra"; getToken: AzureTokenGetter };

export interface AzureOpenAISettings {
  /** Resource URL, e.g. https://myres.openai.azure.com (a trailing /openai is accepted). */
  endpoint: string;
  deployment: string;
  /** A dated version (e.g. "2024-10-21") selects /openai/deployments/…; "v1" selects /openai/v1/chat/completions. */
  apiVersion: string;
  auth: AzureAuth;
  /** Ask for a final usage chunk. Default: on for v1 and dated versions from 2024-09-01 on. */
  includeUsage?: boolean;
  maxOutputTokens?: number;
  timeouts: Timeouts;
  /** Told of each retry before the first token (the chat shows it). */
  onRetry?: RetryListener;
  transport?: BackendTransport;
}

const PROVIDER = "azure-openai";
// stream_options arrived in 2024-09-01-preview; older dated versions reject it with a 400.
const FIRST_VERSION_WITH_STREAM_OPTIONS = "2024-09-01";

export function createAzureOpenAIModel(settings: AzureOpenAISettings): LanguageModelV4 {
  const base = settings.endpoint.replace(/\/+$/, "").replace(/\/openai$/, "");
  const isV1 = settings.apiVersion === "v1";
  const url = isV1
    ? `${base}/openai/v1/chat/completions`
    : `${base}/openai/deployments/${encodeURIComponent(settings.deployment)}/chat/completions?api-version=${encodeURIComponent(settings.apiVersion)}`;
  let includeUsage = settings.includeUsage ?? (isV1 || settings.apiVersion >= FIRST_VERSION_WITH_STREAM_OPTIONS);
  const errors: ErrorContext = {
    provider: PROVIDER,
    secrets: settings.auth.type === "api-key" ? [settings.auth.apiKey] : [],
  };

  async function authHeaders(signal: AbortSignal): Promise<Record<string, string>> {
    if (settings.auth.type === "api-key") return { "api-key": settings.auth.apiKey };
    let token: string;
    try {
      token = await settings.auth.getToken(signal);
    } catch (error) {
      throw new LlmError({
        code: "auth",
        provider: PROVIDER,
        adminMessage: `could not obtain a Microsoft Entra ID token: ${error instanceof Error ? error.message : String(error)}`,
        cause: error,
      });
    }
    return { authorization: `Bearer ${token}` };
  }

  const backend: Backend = {
    provider: PROVIDER,
    modelId: settings.deployment,
    async start({ options, messages, watchdog, warnings }: BackendCallInput) {
      const headers = { ...(await authHeaders(watchdog.signal)), ...definedHeaders(options.headers) };
      const send = (withUsage: boolean) => {
        const body = openAiChatBody(
          messages,
          options,
          { model: isV1 ? settings.deployment : undefined, includeUsage: withUsage, defaultMaxTokens: settings.maxOutputTokens },
          warnings,
        );
        return { body, response: postJson({ url, headers, body, watchdog, errors, transport: settings.transport }) };
      };
      let attempt = send(includeUsage);
      let response: BackendResponse;
      try {
        response = await attempt.response;
      } catch (error) {
        if (!includeUsage || !rejectsStreamOptions(error)) throw error;
        // Older api-versions refuse stream_options: remember that and ask once more without it.
        includeUsage = false;
        attempt = send(false);
        response = await attempt.response;
      }
      return {
        url,
        body: attempt.body,
        responseHeaders: headersToRecord(response.headers),
        events: readOpenAiChatStream(response, watchdog, errors),
      };
    },
  };
  return createChatModel(backend, settings.timeouts, settings.onRetry);
}

function rejectsStreamOptions(error: unknown): boolean {
  return LlmError.isInstance(error) && error.code === "bad_request" && /stream_options/i.test(error.adminMessage);
}
