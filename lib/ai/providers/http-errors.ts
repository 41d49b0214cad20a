import { LlmError, type LlmErrorCode } from "../errors";
import { adminText } from "./admin-text";
import { parseJsonOrText, readUpstreamError } from "./upstream-error-body";

export interface ErrorContext {
  provider: string;
  /** Configured secrets that must never reach a log line. */
  secrets: readonly string[];
}

/** Maps a non-2xx HTTP answer to an LlmError. The raw body never reaches the user message. */
export function errorFromResponse(ctx: ErrorContext, status: number, headers: Headers, bodyText: string): LlmError {
  const info = readUpstreamError(parseJsonOrText(bodyText));
  const code = codeForStatus(status, info.code, info.innerCode);
  const retryAfterMs = code === "rate_limited" ? retryAfterFrom(headers, info.message) : undefined;
  const redirect = status >= 300 && status < 400 ? headers.get("location") : null;
  const detail = [
    `HTTP ${status}`,
    redirect !== null ? `redirect to ${adminText(redirect, ctx.secrets)} not followed: set the endpoint to the final address` : undefined,
    info.code ? `code ${info.code}` : undefined,
    info.innerCode ? `inner ${info.innerCode}` : undefined,
    info.message ? adminText(info.message, ctx.secrets) : bodyText.trim() === "" ? "(empty body)" : undefined,
  ].filter((part) => part !== undefined);
  return new LlmError({
    code,
    provider: ctx.provider,
    status,
    upstreamCode: info.code,
    retryAfterMs,
    adminMessage: detail.join(" — "),
  });
}

function codeForStatus(status: number, upstreamCode: string | undefined, innerCode: string | undefined): LlmErrorCode {
  if (upstreamCode === "content_filter" || innerCode === "ResponsibleAIPolicyViolation") return "content_filter";
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

export function streamError(ctx: ErrorContext, upstream: unknown): LlmError {
  const info = readUpstreamError(upstream);
  return new LlmError({
    code: "stream_error",
    provider: ctx.provider,
    upstreamCode: info.code,
    adminMessage: `error event mid-stream${info.code ? ` (${info.code})` : ""}: ${adminText(info.message ?? "(no message)", ctx.secrets)}`,
  });
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const causeText =
    cause instanceof Error ? `${(cause as NodeJS.ErrnoException).code ?? cause.name}: ${cause.message}` : undefined;
  return causeText ? `${error.message} (${causeText})` : error.message;
}
