import type { ChatApiError } from "@/lib/chat/types";

const GENERIC = "Something went wrong while answering. Please try again.";
const OFFLINE = "The connection to the server was lost. Check your network and try again.";

/** Our own JSON error shape, from the text the AI SDK put in a failed request's error; null for anything else. */
function apiErrorOf(text: string): Partial<ChatApiError["error"]> | null {
  try {
    const body = JSON.parse(text) as Partial<ChatApiError>;
    return body.error ?? null;
  } catch {
    return null;
  }
}

function apiErrorMessage(text: string): string | null {
  const message = apiErrorOf(text)?.message;
  return typeof message === "string" && message ? message : null;
}

/**
 * What to tell the user about a failed request. The AI SDK puts the raw response body of a failed POST in the error
 * message; only our own JSON error shape is shown, never an HTML error page of a proxy.
 */
export function chatErrorText(error: Error | undefined | null): string {
  if (!error) return GENERIC;
  const fromApi = apiErrorMessage(error.message);
  if (fromApi) return fromApi;
  if (error instanceof TypeError) return OFFLINE;
  const message = error.message.trim();
  const looksLikeMarkup = message.startsWith("<") || message.startsWith("{");
  return message && !looksLikeMarkup && message.length <= 300 ? message : GENERIC;
}

/** Codes of a POST /api/chat that the server refused before storing the message (see lib/chat/send-message.ts). */
const NOTHING_STORED = new Set(["quota_exceeded", "model_unavailable", "busy", "bad_request", "payload_too_large", "not_found", "unauthorized", "forbidden"]);

/** Whether a failed send left nothing on the server, so the question belongs back in the message box. */
export function refusedBeforeStoring(error: Error | undefined | null): boolean {
  const code = error ? apiErrorOf(error.message)?.code : undefined;
  return typeof code === "string" && NOTHING_STORED.has(code);
}

/**
 * Whether a failed send stored the question nonetheless: the backend refused (rate limit) after the question was
 * stored, so the conversation exists on the server and the page must take its address, like an accepted answer.
 */
export function storedBeforeFailing(error: Error | undefined | null): boolean {
  return (error ? apiErrorOf(error.message)?.code : undefined) === "rate_limited";
}
