import { type ContextLimit, LlmError, type LlmErrorCode } from "../errors";
import { adminText } from "./admin-text";
import { parseJsonOrText, readUpstreamError, type UpstreamErrorInfo } from "./upstream-error-body";

export interface ErrorContext {
  provider: string;
  /** Configured secrets that must never reach a log line. */
  secrets: readonly string[];
}

/** Maps a non-2xx HTTP answer to an LlmError. The raw body never reaches the user message. */
export function errorFromResponse(ctx: ErrorContext, status: number, headers: Headers, bodyText: string): LlmError {
  const info = readUpstreamError(parseJsonOrText(bodyText));
  const code = codeForStatus(status, info);
  const retryAfterMs = code === "rate_limited" ? retryAfterFrom(headers, info.message) : undefined;
  const redirect = status >= 300 && status < 400 ? headers.get("location") : null;
  const detail = [
    `HTTP ${status}`,
    redirect !== null ? `redirect to ${adminText(redirect, ctx.secrets)} not followed: set the endpoint to the final address` : undefined,
    info.code ? `code ${info.code}` : undefined,
    info.type && info.type !== info.code ? `type ${info.type}` : undefined,
    info.innerCode ? `inner ${info.innerCode}` : undefined,
    info.message ? adminText(info.message, ctx.secrets) : bodyText.trim() === "" ? "(empty body)" : undefined,
  ].filter((part) => part !== undefined);
  return new LlmError({
    code,
    provider: ctx.provider,
    status,
    upstreamCode: info.code,
    retryAfterMs,
    contextLimit: contextLimitOf(info),
    adminMessage: detail.join(" — "),
  });
}

// How each backend says "the prompt does not fit": llama.cpp's type, OpenAI/Azure's code, TGI's validation text
// ("`inputs` tokens + `max_new_tokens` must be <= 4096"), vLLM's "maximum context length is N tokens".
const CONTEXT_TOO_LONG =
  /exceed_context_size_error|context_length_exceeded|exceeds the available context size|maximum context length|`inputs` tokens \+ `max_new_tokens` must be|must have less than \d+ input tokens|prompt is too long|input is too long|too many tokens/i;
// TGI "Model is overloaded", Ollama "server busy, please try again.  maximum pending requests exceeded".
const OVERLOADED = /overloaded|server busy|maximum pending requests/i;

/** The prompt did not fit, per the backend's own words. */
function isContextTooLong(info: UpstreamErrorInfo): boolean {
  return CONTEXT_TOO_LONG.test([info.type, info.code, info.message].filter(Boolean).join(" "));
}

function isOverloaded(info: UpstreamErrorInfo): boolean {
  return info.type === "overloaded" || info.code === "overloaded" || OVERLOADED.test(info.message ?? "");
}

/** What the backend said about sizes: llama.cpp's n_prompt_tokens / n_ctx, or the numbers in TGI's validation text. */
function contextLimitOf(info: UpstreamErrorInfo): ContextLimit | undefined {
  if (!isContextTooLong(info)) return undefined;
  if (info.promptTokens !== undefined && info.contextTokens !== undefined) return { promptTokens: info.promptTokens, maxPromptTokens: info.contextTokens };
  const tgi = /must be <= (\d+)\. Given: (\d+) `inputs` tokens and (\d+) `max_new_tokens`/.exec(info.message ?? "");
  if (tgi) return { promptTokens: Number(tgi[2]), maxPromptTokens: Number(tgi[1]) - Number(tgi[3]) };
  return {};
}

function codeForStatus(status: number, info: UpstreamErrorInfo): LlmErrorCode {
  if (info.code === "content_filter" || info.innerCode === "ResponsibleAIPolicyViolation") return "content_filter";
  if ((status === 400 || status === 413 || status === 422) && isContextTooLong(info)) return "context_too_long";
  if ((status === 429 || status === 503) && isOverloaded(info)) return "overloaded";
  if (status === 401 || status === 403) return "auth";
  if (status === 404) return "not_found";
  if (status === 408) return "timeout";
  if (status === 429) return "rate_limited";
  if (status === 400 || status === 413 || status === 422) return "bad_request";
  return "unavailable";
}

/** `retry-after-ms`, then `retry-after` (seconds or HTTP date), then Azure's "retry after N seconds" message. */
export function retryAfterFrom(headers: Headers, message: string | undefined): number | undefined {
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter.trim());
    if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  const match = message ? /retry after (\d+) seconds?/i.exec(message) : null;
  return match?.[1] ? Number(match[1]) * 1000 : undefined;
}

export function networkError(provider: string, error: unknown, phase: "connect" | "stream"): LlmError {
  const detail = describeNetworkError(error);
  return new LlmError({
    code: phase === "connect" ? "unavailable" : "stream_error",
    provider,
    adminMessage: phase === "connect" ? `request failed: ${detail}` : `connection lost mid-stream: ${detail}`,
    cause: error,
  });
}

/**
 * An error event inside a 200 stream. Real TGI sends its overload and validation errors this way, before any token
 * (`{"error","error_type"}` on /generate_stream, `{"error":{"message","http_status_code"}}` on the Messages API),
 * so they get the same codes as their HTTP forms; anything else is a stream failure.
 */
export function streamError(ctx: ErrorContext, upstream: unknown): LlmError {
  const info = readUpstreamError(upstream);
  const kind = info.type ?? info.code;
  const code: LlmErrorCode = isOverloaded(info)
    ? "overloaded"
    : isContextTooLong(info)
      ? "context_too_long"
      : kind === "validation" || (info.status !== undefined && info.status >= 400 && info.status < 500 && /validation/i.test(info.message ?? ""))
        ? "bad_request"
        : "stream_error";
  return new LlmError({
    code,
    provider: ctx.provider,
    upstreamCode: kind,
    contextLimit: contextLimitOf(info),
    adminMessage: `error event mid-stream${kind ? ` (${kind})` : ""}: ${adminText(info.message ?? "(no message)", ctx.secrets)}`,
  });
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const causeText = cause instanceof Error ? `${(cause as NodeJS.ErrnoException).code ?? cause.name}: ${cause.message}` : undefined;
  return causeText ? `${error.message} (${causeText})` : error.message;
}
