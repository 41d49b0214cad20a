import "server-only";
import { LlmError } from "../errors";
import { backendFetch } from "../guarded-fetch";
import type { CallWatchdog } from "./call-watchdog";
import { type ErrorContext, errorFromResponse, networkError } from "./http-errors";

export type FetchFunction = typeof globalThis.fetch;

export interface PostJsonOptions {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  watchdog: CallWatchdog;
  errors: ErrorContext;
  fetch?: FetchFunction;
  /** Non-streaming backends answer with status and body together. */
  nonStreaming?: boolean;
}

/** POSTs JSON and returns the 2xx response; any other status becomes an LlmError (body read under the watchdog). */
export async function postJson(options: PostJsonOptions): Promise<Response> {
  const { watchdog, errors } = options;
  // The default refuses link-local and metadata addresses after DNS too, on every new connection.
  const doFetch = options.fetch ?? backendFetch();
  watchdog.startConnect(options.nonStreaming);
  let response: Response;
  try {
    response = await doFetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream, application/x-ndjson", ...options.headers },
      body: JSON.stringify(options.body),
      signal: watchdog.signal,
      // A redirect is answered as an error, never followed: it could lead the request (and its key) anywhere.
      redirect: "manual",
    });
  } catch (error) {
    throw translate(errors.provider, watchdog, error, "connect");
  }
  watchdog.responseStarted();
  if (response.ok) return response;
  let text = "";
  try {
    text = await response.text();
  } catch (error) {
    throw translate(errors.provider, watchdog, error, "connect");
  }
  throw errorFromResponse(errors, response.status, response.headers, text);
}

/** Decoded body text, chunk by chunk. Ends the upstream request when the consumer stops early. */
export async function* readBodyText(response: Response, watchdog: CallWatchdog, provider: string): AsyncGenerator<string> {
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let finished = false;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw translate(provider, watchdog, error, "stream");
      }
      if (chunk.done) {
        finished = true;
        const rest = decoder.decode();
        if (rest) yield rest;
        return;
      }
      const text = decoder.decode(chunk.value, { stream: true });
      if (text) yield text;
    }
  } finally {
    if (!finished) {
      watchdog.abort();
      await reader.cancel().catch(() => undefined);
    }
    reader.releaseLock();
  }
}

export async function readBodyJson(response: Response, watchdog: CallWatchdog, provider: string): Promise<unknown> {
  let text = "";
  for await (const chunk of readBodyText(response, watchdog, provider)) text += chunk;
  // The whole answer is in: nothing left to time out.
  watchdog.dispose();
  try {
    return JSON.parse(text);
  } catch {
    throw new LlmError({ code: "stream_error", provider, adminMessage: "response body is not valid JSON" });
  }
}

function translate(provider: string, watchdog: CallWatchdog, error: unknown, phase: "connect" | "stream"): unknown {
  const explained = watchdog.explain(error);
  if (explained !== error || watchdog.userAborted) return explained;
  if (LlmError.isInstance(error)) return error;
  return networkError(provider, error, phase);
}
