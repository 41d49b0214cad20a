import { LlmError } from "@/lib/ai/errors";

// The /v1 API answers errors in OpenAI's shape, {error: {message, type, param, code}}, so OpenAI clients raise them
// as their own typed errors (AuthenticationError, RateLimitError...). The rest of the app has its own shape.

export type OpenAiErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "rate_limit_error"
  | "server_error"
  | "service_unavailable";

export interface OpenAiErrorBody {
  error: { message: string; type: OpenAiErrorType; param: string | null; code: string | null };
}

export class OpenAiApiError {
  constructor(
    readonly status: number,
    readonly type: OpenAiErrorType,
    readonly message: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly retryAfterMs?: number,
  ) {}

  body(): OpenAiErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }

  toResponse(): Response {
    const headers = new Headers({ "Cache-Control": "no-store" });
    // Whole seconds, at least 1: the header allows nothing finer, and 0 would invite an immediate retry.
    if (this.retryAfterMs !== undefined) headers.set("Retry-After", String(Math.max(1, Math.ceil(this.retryAfterMs / 1000))));
    if (this.status === 401) headers.set("WWW-Authenticate", 'Bearer realm="chat"');
    return Response.json(this.body(), { status: this.status, headers });
  }
}

export const badRequest = (message: string, param: string | null = null, code: string | null = null) =>
  new OpenAiApiError(400, "invalid_request_error", message, code, param);

export const invalidApiKey = (message = "Invalid API key. Create a key on your account page and send it as 'Authorization: Bearer <key>'.") =>
  new OpenAiApiError(401, "authentication_error", message, "invalid_api_key");

export const modelNotAllowed = (model: string) =>
  new OpenAiApiError(403, "permission_error", `You do not have access to the model '${model}'.`, "model_not_allowed", "model");

export const modelNotFound = (model: string) =>
  new OpenAiApiError(
    404,
    "invalid_request_error",
    `The model '${model}' does not exist. GET /v1/models lists the models you may use.`,
    "model_not_found",
    "model",
  );

export const quotaExceeded = (message: string, retryAfterMs: number) =>
  new OpenAiApiError(429, "rate_limit_error", message, "quota_exceeded", null, retryAfterMs);

/** A backend failure before any answer: its user-safe text (never the upstream body) with the fitting status. */
export function backendError(error: unknown): OpenAiApiError {
  if (!LlmError.isInstance(error))
    return new OpenAiApiError(503, "service_unavailable", "The model service is temporarily unavailable. Please try again shortly.", "backend_unavailable");
  switch (error.code) {
    case "rate_limited":
      return new OpenAiApiError(429, "rate_limit_error", error.userMessage, "rate_limited", null, error.retryAfterMs ?? 1_000);
    case "bad_request":
      return new OpenAiApiError(400, "invalid_request_error", error.userMessage, "backend_rejected_request");
    case "content_filter":
      return new OpenAiApiError(400, "invalid_request_error", error.userMessage, "content_filter");
    case "timeout":
      return new OpenAiApiError(503, "service_unavailable", error.userMessage, "backend_timeout");
    default:
      return new OpenAiApiError(503, "service_unavailable", error.userMessage, "backend_unavailable");
  }
}

/**
 * The privacy policy refuses what the request would send (types and counts in the message, never values). A warning
 * is refused too: an API caller has no one to confirm it, so the findings must go or a model that allows them be used.
 */
export const privacyRefused = (message: string, needsConfirmation: boolean) =>
  new OpenAiApiError(
    400,
    "invalid_request_error",
    needsConfirmation
      ? `${message.replace(/ Send it anyway\?$/, "")} Confirming is not possible over the API: remove these, or use a model whose privacy policy allows them.`
      : message,
    needsConfirmation ? "privacy_confirmation_required" : "privacy_blocked",
    "messages",
  );
