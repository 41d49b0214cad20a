import { ApiError, type ApiErrorCode } from "@/lib/api/errors";

const GENERIC = "Something went wrong while answering. Please try again.";
const OFFLINE = "The connection to the server was lost. Check your network and try again.";

/**
 * What to tell the user about a failed request. A refusal of the API arrives as an ApiError (the chat transport and
 * the fetcher rebuild it) and says its own message; a stream that broke says the server's short error text.
 */
export function chatErrorText(error: Error | undefined | null): string {
  if (!error) return GENERIC;
  if (error instanceof ApiError) return error.code === "network_error" ? OFFLINE : error.message;
  if (error instanceof TypeError) return OFFLINE;
  const message = error.message.trim();
  return message && !message.startsWith("<") && message.length <= 300 ? message : GENERIC;
}

/** Codes of a POST /api/chat that the server refused before storing the message (see lib/chat/send-message.ts). */
const NOTHING_STORED = new Set<ApiErrorCode>([
  "quota_exceeded",
  "model_unavailable",
  "busy",
  "overloaded",
  "shutting_down",
  "bad_request",
  "payload_too_large",
  "not_found",
  "unauthorized",
  "forbidden",
  "privacy_blocked",
  "privacy_confirm",
]);

/** Whether a failed send left nothing on the server, so the question belongs back in the message box. */
export function refusedBeforeStoring(error: Error | undefined | null): boolean {
  return error instanceof ApiError && NOTHING_STORED.has(error.code);
}

/**
 * Whether a failed send stored the question nonetheless: the backend refused (rate limit) after the question was
 * stored, so the conversation exists on the server and the page must take its address, like an accepted answer.
 */
export function storedBeforeFailing(error: Error | undefined | null): boolean {
  return error instanceof ApiError && error.code === "rate_limited";
}
