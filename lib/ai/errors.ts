import { AISDKError } from "@ai-sdk/provider";

export const LLM_ERROR_CODES = [
  "auth",
  "not_found",
  "bad_request",
  "rate_limited",
  /** The backend is busy with other requests (TGI "overloaded", Ollama 503 "server busy"): retried with backoff first. */
  "overloaded",
  /** The prompt does not fit the model's context (llama.cpp exceed_context_size_error, TGI validation): trimmed once first. */
  "context_too_long",
  "unavailable",
  "timeout",
  "content_filter",
  "stream_error",
] as const;

export type LlmErrorCode = (typeof LLM_ERROR_CODES)[number];

/** Where the time ran out: before the backend answered, before the first token, or between two tokens. */
export type TimeoutPhase = "connect" | "first-token" | "idle";

const MARKER = "enterprise-chat.llm-error";
const SYMBOL = Symbol.for(MARKER);

/** What a context error said about sizes (either may be missing): used to trim the prompt before the one retry. */
export interface ContextLimit {
  promptTokens?: number;
  /** The most prompt tokens the backend takes. */
  maxPromptTokens?: number;
}

export interface LlmErrorInit {
  code: LlmErrorCode;
  /** Provider id, e.g. "azure-openai". */
  provider: string;
  /** What happened, for the server log. May quote the upstream error message, never credentials. */
  adminMessage: string;
  status?: number;
  upstreamCode?: string;
  retryAfterMs?: number;
  timeoutPhase?: TimeoutPhase;
  contextLimit?: ContextLimit;
  cause?: unknown;
}

/**
 * The one error every provider throws (or puts in the stream). `message` is the admin text, for logs;
 * `userMessage` is safe to show and `toJSON()` serialises only safe fields.
 */
export class LlmError extends AISDKError {
  private readonly [SYMBOL] = true;
  readonly code: LlmErrorCode;
  readonly provider: string;
  readonly userMessage: string;
  readonly adminMessage: string;
  readonly status: number | undefined;
  readonly upstreamCode: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly timeoutPhase: TimeoutPhase | undefined;
  readonly contextLimit: ContextLimit | undefined;

  constructor(init: LlmErrorInit) {
    const adminMessage = `[${init.provider}] ${init.code}: ${init.adminMessage}`;
    super({ name: "LlmError", message: adminMessage, cause: init.cause });
    this.code = init.code;
    this.provider = init.provider;
    this.adminMessage = adminMessage;
    this.status = init.status;
    this.upstreamCode = init.upstreamCode;
    this.retryAfterMs = init.retryAfterMs;
    this.timeoutPhase = init.timeoutPhase;
    this.contextLimit = init.contextLimit;
    this.userMessage = userMessageFor(init.code, init.retryAfterMs);
  }

  /** Worth retrying later, unchanged (the caller decides when; no automatic retry after output has started). */
  get retryable(): boolean {
    return this.code === "rate_limited" || this.code === "overloaded" || this.code === "unavailable" || this.code === "timeout" || this.code === "stream_error";
  }

  static isInstance(error: unknown): error is LlmError {
    return AISDKError.hasMarker(error, MARKER);
  }

  toJSON(): { code: LlmErrorCode; message: string; retryAfterMs?: number } {
    return this.retryAfterMs === undefined
      ? { code: this.code, message: this.userMessage }
      : { code: this.code, message: this.userMessage, retryAfterMs: this.retryAfterMs };
  }
}

export function userMessageFor(code: LlmErrorCode, retryAfterMs?: number): string {
  switch (code) {
    case "auth":
      return "The model service rejected this app's credentials. Please contact your administrator.";
    case "not_found":
      return "The selected model is not available on its server. Please contact your administrator.";
    case "bad_request":
      return "The model service could not process this request. Try a shorter conversation or rephrase your message.";
    case "rate_limited": {
      if (retryAfterMs === undefined) return "The model is receiving too many requests. Please try again in a moment.";
      const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      return `The model is receiving too many requests. Please try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
    }
    case "overloaded":
      return "The model is busy with other requests right now. Please try again in a minute.";
    case "context_too_long":
      return "This conversation is too long for this model. Start a new chat to continue.";
    case "unavailable":
      return "The model service is temporarily unavailable. Please try again shortly.";
    case "timeout":
      return "The model took too long to respond. Please try again.";
    case "content_filter":
      return "Your message was blocked by the content policy. Please rephrase it and try again.";
    case "stream_error":
      return "The model stopped unexpectedly while answering. Please try again.";
  }
}
