import "server-only";
import { type BackendResponse, type BackendTransport, backendTransport, bodyText } from "../backend-transport";
import { LlmError } from "../errors";
import type { CallWatchdog } from "./call-watchdog";
import { type ErrorContext, errorFromResponse, networkError } from "./http-errors";

export interface PostJsonOptions {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  watchdog: CallWatchdog;
  errors: ErrorContext;
  transport?: BackendTransport;
  /** Non-streaming backends answer with status and body together. */
  nonStreaming?: boolean;
}

/** POSTs JSON and returns the 2xx response; any other status becomes an LlmError (body read under the watchdog). */
export async function postJson(options: PostJsonOptions): Promise<BackendResponse> {
  const { watchdog, errors } = options;
  // The default refuses link-local and metadata addresses after DNS too, on every new connection.
  const send = options.transport ?? backendTransport();
  watchdog.startConnect(options.nonStreaming);
  let response: BackendResponse;
  try {
    response = await send({
      url: options.url,
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream, application/x-ndjson", ...options.headers },
      body: JSON.stringify(options.body),
      signal: watchdog.signal,
    });
  } catch (error) {
    throw translate(errors.provider, watchdog, error, "connect");
  }
  watchdog.responseStarted();
  if (response.status >= 200 && response.status < 300) return response;
  let text = "";
  try {
    text = await bodyText(response.body);
  } catch (error) {
    throw translate(errors.provider, watchdog, error, "connect");
  }
  throw errorFromResponse(errors, response.status, response.headers, text);
}

/** Turns a body's text, as it arrives in pieces of any size, into items (SSE events, NDJSON lines, the text itself). */
export interface BodyDecoder<T> {
  push(text: string): Iterable<T>;
  /** What is left once the body has ended. */
  end(): Iterable<T>;
}

/**
 * The body's items through the decoder, read in this one generator (every generator stacked per chunk costs a
 * promise per item, for every token of every answer). Ends the upstream request when the consumer stops early.
 */
export async function* readBody<T>(response: BackendResponse, watchdog: CallWatchdog, provider: string, decoder: BodyDecoder<T>): AsyncGenerator<T> {
  const chunks = response.body[Symbol.asyncIterator]();
  const text = new TextDecoder();
  let finished = false;
  try {
    for (;;) {
      let chunk: IteratorResult<Uint8Array>;
      try {
        chunk = await chunks.next();
      } catch (error) {
        throw translate(provider, watchdog, error, "stream");
      }
      if (chunk.done) {
        finished = true;
        const rest = text.decode();
        if (rest) yield* decoder.push(rest);
        yield* decoder.end();
        return;
      }
      const piece = text.decode(chunk.value, { stream: true });
      if (piece) yield* decoder.push(piece);
    }
  } finally {
    if (!finished) {
      watchdog.abort();
      await chunks.return?.().catch(() => undefined);
    }
  }
}

const WHOLE_TEXT: BodyDecoder<string> = { push: (text) => [text], end: () => [] };

export async function readBodyJson(response: BackendResponse, watchdog: CallWatchdog, provider: string): Promise<unknown> {
  let text = "";
  for await (const chunk of readBody(response, watchdog, provider, WHOLE_TEXT)) text += chunk;
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
