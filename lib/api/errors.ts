// The one error contract of the API, on the server and in the browser: a code from this map, a message for the user,
// and for refusals that end by themselves the time to wait. Routes and services throw ApiError; the route wrapper
// (route.ts) turns it into `{ error: { code, message, retryAfterMs?, resetsAt? } }` with the code's status, and the
// client fetcher (client.ts) turns that body back into an ApiError.

import { type PrivacyFindings, parsePrivacyFindings } from "@/lib/privacy/privacy-findings";

const statusByCode = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  internal: 500,
  /** An answer is still being written in the conversation. */
  busy: 409,
  /** A message id that was already stored (a retried send). */
  duplicate_message: 409,
  /** The model is unknown, disabled, or not allowed for this user. */
  model_unavailable: 404,
  /** The backend rate-limited before any token. */
  rate_limited: 429,
  /** One of the user's quotas refused the request (`resetsAt` says when it frees up). */
  quota_exceeded: 429,
  /** This instance writes as many answers as it may and its queue is full or too slow: nothing was stored. */
  overloaded: 503,
  /** The instance is shutting down (SIGTERM): no new answer starts here; a retry lands on another instance. */
  shutting_down: 503,
  /** The database cannot serve right now (down, full, read-only): try again in a moment. */
  unavailable: 503,
  /** The privacy policy refuses what the message (or the turns sent with it) contains: nothing was sent or stored. */
  privacy_blocked: 422,
  /** The message contains findings the user must confirm first: resend with them acknowledged (`privacy.warnings`). */
  privacy_confirm: 409,
  /** Never sent by the server: the client fetcher's code when the server could not be reached at all. */
  network_error: 0,
} as const;

export type ApiErrorCode = keyof typeof statusByCode;

/** The JSON body of every error answer. */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    retryAfterMs?: number;
    /** ISO time a quota resets. */
    resetsAt?: string;
    /** privacy_blocked and privacy_confirm: what was found, as types and counts (never the values). */
    privacy?: PrivacyFindings;
  };
}

const NO_STORE = { "Cache-Control": "private, no-store" };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly retryAfterMs?: number;
  readonly resetsAt?: Date;
  readonly privacy?: PrivacyFindings;

  constructor(code: ApiErrorCode, message: string, options: { retryAfterMs?: number; resetsAt?: Date; privacy?: PrivacyFindings } = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    this.resetsAt = options.resetsAt;
    this.privacy = options.privacy;
  }

  get status(): number {
    return statusByCode[this.code];
  }

  toBody(): ApiErrorBody {
    const error: ApiErrorBody["error"] = { code: this.code, message: this.message };
    if (this.retryAfterMs !== undefined) error.retryAfterMs = this.retryAfterMs;
    if (this.resetsAt) error.resetsAt = this.resetsAt.toISOString();
    if (this.privacy) error.privacy = this.privacy;
    return { error };
  }

  /** The answer to send: never cached, with Retry-After when the refusal ends by itself. */
  toResponse(): Response {
    const headers: Record<string, string> = { ...NO_STORE };
    if (this.retryAfterMs !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(this.retryAfterMs / 1000)));
    return Response.json(this.toBody(), { status: this.status, headers });
  }

  /** The error a response body carries, or null when it is not ours (a proxy's HTML page, an empty body). */
  static fromBody(body: unknown): ApiError | null {
    if (typeof body !== "object" || body === null || !("error" in body)) return null;
    const error = (body as { error: unknown }).error;
    if (typeof error !== "object" || error === null) return null;
    const { code, message, retryAfterMs, resetsAt, privacy } = error as Record<string, unknown>;
    if (typeof code !== "string" || !(code in statusByCode) || typeof message !== "string") return null;
    return new ApiError(code as ApiErrorCode, message, {
      retryAfterMs: typeof retryAfterMs === "number" ? retryAfterMs : undefined,
      resetsAt: typeof resetsAt === "string" ? new Date(resetsAt) : undefined,
      privacy: parsePrivacyFindings(privacy) ?? undefined,
    });
  }
}
