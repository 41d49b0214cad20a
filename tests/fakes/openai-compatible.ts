import { Exchange, FakeServer, fakeTokenCount } from "./fake-server";
import { playTokens } from "./play-tokens";
import { bodyField, messagesText, SseWriter } from "./openai-style";

export type OpenAIFlavor = "vllm" | "llama.cpp" | "tgi";

/**
 * `/v1/chat/completions` as vLLM, llama.cpp's llama-server or TGI's Messages API serve it, each with its quirks:
 * - vLLM: role chunk with `content: ""`, `stop_reason`, usage chunk only with stream_options, errors with int `code`,
 *   mid-stream `data: {"error":…}` then `data: [DONE]`.
 * - llama.cpp: role-only first delta, usage (+ timings) always on the finish chunk, 401 `authentication_error`,
 *   mid-stream `error: {…}` line (not an SSE field).
 * - TGI: `data:` without a space, `id: ""`, role repeated in every delta, `stop_sequence` finish reason,
 *   mid-stream `{"error":{"message","http_status_code"}}`.
 */
export function handleOpenAIChat(server: FakeServer & { apiKey?: string; servedModel: string }, flavor: OpenAIFlavor, ex: Exchange): Promise<void> | void {
  const { request, scenario } = ex;
  const auth = request.headers.authorization;
  if (scenario === "unauthorized" || (server.apiKey && auth?.toLowerCase() !== `bearer ${server.apiKey}`.toLowerCase())) {
    if (flavor === "llama.cpp") return ex.json(401, { error: { code: 401, message: "Invalid API Key", type: "authentication_error" } });
    if (flavor === "tgi") return ex.empty(401);
    return ex.json(401, { error: "Unauthorized" });
  }
  const requested = bodyField<string>(request.json, "model");
  if (scenario === "not-found" || (flavor === "vllm" && requested !== server.servedModel)) {
    return ex.json(404, { error: { message: `The model \`${requested ?? ""}\` does not exist.`, type: "NotFoundError", param: null, code: 404 } });
  }
  if (scenario === "rate-limit") {
    if (flavor === "tgi") return ex.json(429, { error: "Model is overloaded", error_type: "overloaded" });
    return ex.json(429, { error: { message: "Too many requests", type: "RateLimitError", param: null, code: 429 } }, { "retry-after": "2" });
  }
  if (scenario === "bad-request") {
    if (flavor === "tgi") return ex.json(422, { error: "Input validation error: `inputs` tokens + `max_new_tokens` must be <= 4096", error_type: "validation" });
    return ex.json(400, { error: { message: "This model's maximum context length is 4096 tokens.", type: "BadRequestError", param: null, code: 400 } });
  }
  if (scenario === "server-error") {
    if (flavor === "llama.cpp") return ex.json(503, { error: { code: 503, message: "Loading model", type: "unavailable_error" } });
    return ex.json(500, { error: { message: "Internal server error", type: "InternalServerError", param: null, code: 500 } });
  }
  return streamChat(server, flavor, ex);
}

async function streamChat(server: FakeServer & { servedModel: string }, flavor: OpenAIFlavor, ex: Exchange): Promise<void> {
  const json = ex.request.json;
  const streamOptions = bodyField<{ include_usage?: boolean }>(json, "stream_options");
  // vLLM: include_usage defaults to true once stream_options is present.
  const usageChunk = flavor !== "llama.cpp" && streamOptions !== undefined && streamOptions.include_usage !== false;
  const stops = bodyField<string[]>(json, "stop") ?? [];
  const usage = { prompt_tokens: fakeTokenCount(messagesText(json)), completion_tokens: ex.tokens.length, total_tokens: 0 };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  const model = flavor === "llama.cpp" ? (bodyField<string>(json, "model") ?? "gpt-3.5-turbo") : server.servedModel;
  const id = flavor === "tgi" ? "" : `chatcmpl-fake${server.requestCount}`;
  const created = Math.floor(Date.now() / 1000);
  const sse = new SseWriter(ex, flavor !== "tgi");
  const chunk = (choice: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    ...(flavor === "tgi" ? { system_fingerprint: "3.3.6-dev0-native" } : {}),
    choices: [{ index: 0, ...choice, ...(flavor === "llama.cpp" ? {} : { logprobs: null }) }],
    ...(flavor === "tgi" ? { usage: null } : {}),
    ...extra,
  });
  const delta = (content: string) => (flavor === "tgi" ? { role: "assistant", content } : { content });

  ex.startStream("text/event-stream", flavor === "tgi" ? { "x-accel-buffering": "no" } : {});
  if (flavor === "vllm") sse.data(chunk({ delta: { role: "assistant", content: "" }, finish_reason: null }));
  if (flavor === "llama.cpp") sse.data(chunk({ delta: { role: "assistant" }, finish_reason: null }));
  const outcome = await playTokens(ex, (token) => sse.data(chunk({ delta: delta(token), finish_reason: null })));
  if (outcome === "gone") return;
  if (outcome === "trouble") {
    if (ex.scenario === "stall") return ex.stall();
    if (ex.scenario === "reset") return ex.reset();
    if (flavor === "llama.cpp") sse.raw(`error: ${JSON.stringify({ code: 500, message: "llama_decode failed", type: "server_error" })}\n\n`);
    else if (flavor === "tgi") sse.data({ error: { message: "Request failed during generation: CUDA out of memory", http_status_code: 422 } });
    else {
      sse.data({ error: { message: "Engine loop has died", type: "InternalServerError", param: null, code: 500 } });
      sse.data("[DONE]");
    }
    return ex.end();
  }
  const finishReason = flavor === "tgi" && stops.length > 0 ? "stop_sequence" : "stop";
  if (flavor === "llama.cpp") {
    sse.data(chunk({ delta: {}, finish_reason: finishReason }, { usage, timings: { prompt_n: usage.prompt_tokens, predicted_n: usage.completion_tokens, predicted_ms: 12.5 } }));
  } else {
    sse.data(chunk({ delta: delta(""), finish_reason: finishReason, ...(flavor === "vllm" ? { stop_reason: null } : {}) }));
  }
  if (usageChunk) sse.data({ id, object: "chat.completion.chunk", created, model, choices: [], usage });
  sse.data("[DONE]");
  ex.end();
}

/** A vLLM or llama.cpp server (`/v1/chat/completions`, `/v1/models`, `/health`). */
export class FakeOpenAICompatible extends FakeServer {
  apiKey: string | undefined;
  servedModel: string;

  constructor(
    readonly flavor: "vllm" | "llama.cpp",
    options: { apiKey?: string; servedModel?: string } = {},
  ) {
    super(flavor, "Deep learning is a subset of machine learning based on neural networks.");
    this.apiKey = options.apiKey;
    this.servedModel = options.servedModel ?? "meta-llama/Llama-2-7b-chat-hf";
  }

  protected async handle(ex: Exchange): Promise<void> {
    const { path, method } = ex.request;
    if (method === "GET" && path === "/health") return ex.json(200, { status: "ok" });
    if (method === "GET" && path === "/v1/models") return ex.json(200, { object: "list", data: [{ id: this.servedModel, object: "model" }] });
    if (method === "POST" && path === "/v1/chat/completions") return handleOpenAIChat(this, this.flavor, ex);
    return ex.json(404, { error: { message: "Not Found", type: "NotFoundError", param: null, code: 404 } });
  }
}
