export interface UpstreamErrorInfo {
  message: string | undefined;
  code: string | undefined;
  /** Azure's "inner" code, e.g. ResponsibleAIPolicyViolation. */
  innerCode: string | undefined;
  /** The error's `type` or `error_type` when the code is something else (llama.cpp: code 400, type exceed_context_size_error). */
  type: string | undefined;
  /** An HTTP status given inside the body (TGI Messages API mid-stream: http_status_code; vLLM: an int code). */
  status: number | undefined;
  /** llama.cpp's context error: the prompt's tokens and the context size. */
  promptTokens: number | undefined;
  contextTokens: number | undefined;
}

/**
 * Reads the error body shapes of every backend we speak to:
 * OpenAI/Azure/vLLM/llama.cpp `{"error":{message,code,type,innererror|inner_error}}`, TGI/Ollama `{"error":"…"}`,
 * TGI chat `{"error":{"message","http_status_code"}}`, old vLLM `{"object":"error","message"}`,
 * AI21/FastAPI `{"detail":"…"|[{msg,loc}]}`, and AWS-style `{"message"}`.
 */
export function readUpstreamError(body: unknown): UpstreamErrorInfo {
  const info: UpstreamErrorInfo = {
    message: undefined,
    code: undefined,
    innerCode: undefined,
    type: undefined,
    status: undefined,
    promptTokens: undefined,
    contextTokens: undefined,
  };
  if (!isRecord(body)) {
    if (typeof body === "string" && body.trim() !== "") info.message = body;
    return info;
  }
  const error = body.error;
  if (typeof error === "string") {
    info.message = error;
    info.code = asString(body.error_type);
    info.type = info.code;
  } else if (isRecord(error)) {
    info.message = asString(error.message);
    info.code = asString(error.code) ?? asString(error.type);
    info.type = asString(error.type);
    info.status = asInt(error.http_status_code) ?? asInt(error.code);
    info.promptTokens = asInt(error.n_prompt_tokens);
    info.contextTokens = asInt(error.n_ctx);
    const inner = isRecord(error.innererror) ? error.innererror : isRecord(error.inner_error) ? error.inner_error : undefined;
    info.innerCode = inner ? asString(inner.code) : undefined;
  } else if (typeof body.detail === "string") {
    info.message = body.detail;
  } else if (Array.isArray(body.detail)) {
    info.message = body.detail
      .map((item) => (isRecord(item) ? [formatLoc(item.loc), asString(item.msg)].filter(Boolean).join(": ") : ""))
      .filter((part) => part !== "")
      .join("; ");
    info.code = "validation";
  } else {
    info.message = asString(body.message);
    info.code = asString(body.code) ?? asString(body.type);
  }
  return info;
}

export function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

function asInt(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

function formatLoc(loc: unknown): string {
  return Array.isArray(loc) ? loc.join(".") : "";
}
