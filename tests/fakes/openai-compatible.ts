import { type Exchange, FakeServer, fakeTokenCount } from "./fake-server";
import { llama2TemplateProblem } from "./llama2-template";
import { bodyField, messagesText, SseWriter } from "./openai-style";
import { playTokens } from "./play-tokens";

export type OpenAIFlavor = "vllm" | "llama.cpp" | "tgi";

type ChatServer = FakeServer & { apiKey?: string; servedModel: string; contextTokens: number; systemRole?: boolean };

/**
 * `/v1/chat/completions` as vLLM, llama.cpp's llama-server or TGI's Messages API serve it, as strict as the real ones
 * (the llama.cpp answers are copied from the real server in ../shared/real-servers):
 * - all three render Meta's Llama 2 template, which refuses turns that do not alternate: vLLM and llama.cpp with 400,
 *   TGI with 422 before the stream; and refuse a prompt over the context: vLLM 400 "maximum context length",
 *   llama.cpp 400 `exceed_context_size_error` with n_prompt_tokens / n_ctx, TGI in the stream (200) as a 422 event;
 * - vLLM: role chunk with `content: ""`, `stop_reason`, usage chunk only with stream_options, errors with int `code`,
 *   mid-stream `data: {"error":…}` then `data: [DONE]`;
 * - llama.cpp: first delta `{"role":"assistant","content":null}`, `model` is the server's own name whatever was asked,
 *   `timings` on the finish chunk, usage only with `stream_options.include_usage`, in its own `choices: []` chunk after
 *   the finish chunk; 401 `authentication_error`; mid-stream `data: {"error":{…}}`;
 * - TGI: `data:` without a space, `id: ""`, role repeated in every delta, `stop_sequence` finish reason; overload,
 *   validation and generation errors as `{"error":{"message","http_status_code"}}` events with HTTP 200, then `[DONE]`.
 * Each also counts tokens on `POST /tokenize` in its own request and answer shape.
 */
export function handleOpenAIChat(server: ChatServer, flavor: OpenAIFlavor, ex: Exchange): Promise<void> | void {
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
  if (scenario === "rate-limit" && flavor !== "tgi") {
    return ex.json(429, { error: { message: "Too many requests", type: "RateLimitError", param: null, code: 429 } }, { "retry-after": "2" });
  }
  if (scenario === "server-error") {
    if (flavor === "llama.cpp") return ex.json(503, { error: { code: 503, message: "Loading model", type: "unavailable_error" } });
    return ex.json(500, { error: { message: "Internal server error", type: "InternalServerError", param: null, code: 500 } });
  }
  const messages = bodyField<Array<{ role?: unknown }>>(request.json, "messages") ?? [];
  // A template without a system role (Gemma's, early Mistral's) raises this.
  if (server.systemRole === false && messages.some((message) => message.role === "system")) {
    return ex.json(400, { error: { message: "System role not supported", type: "BadRequestError", param: null, code: 400 } });
  }
  const templateProblem = llama2TemplateProblem(request.json);
  if (templateProblem) {
    if (flavor === "tgi") return ex.json(422, { error: `Template error: ${templateProblem}`, error_type: "template_error" });
    if (flavor === "llama.cpp") {
      return ex.json(400, {
        error: {
          code: 400,
          message: `Unable to generate parser for this template. Automatic parser generation failed: \n------------\nWhile executing CallExpression at line 1, column 329 in source:\n...op.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user...\n                                           ^\nError: Jinja Exception: ${templateProblem}`,
          type: "invalid_request_error",
        },
      });
    }
    return ex.json(400, { error: { message: templateProblem, type: "BadRequestError", param: null, code: 400 } });
  }
  const promptTokens = fakeTokenCount(messagesText(request.json));
  const maxTokens = bodyField<number>(request.json, "max_tokens") ?? 16;
  const overContext = scenario === "bad-request" || promptTokens > server.contextTokens;
  if (overContext && flavor === "llama.cpp") {
    const n = Math.max(promptTokens, server.contextTokens + 1);
    return ex.json(400, {
      error: {
        code: 400,
        message: `request (${n} tokens) exceeds the available context size (${server.contextTokens} tokens), try increasing it`,
        type: "exceed_context_size_error",
        n_prompt_tokens: n,
        n_ctx: server.contextTokens,
      },
    });
  }
  if (overContext && flavor === "vllm") {
    return ex.json(400, {
      error: {
        message: `This model's maximum context length is ${server.contextTokens} tokens. However, you requested ${promptTokens + maxTokens} tokens (${promptTokens} in the messages, ${maxTokens} in the completion). Please reduce the length of the messages or completion.`,
        type: "BadRequestError",
        param: null,
        code: 400,
      },
    });
  }
  return streamChat(server, flavor, ex, overContext ? { promptTokens, maxTokens } : undefined);
}

/** `POST /tokenize`: llama.cpp `{"content"}` → `{"tokens"}`, vLLM `{"prompt"}` → `{"count","max_model_len","tokens"}`, TGI `{"inputs"}` → `[{id,text,start,stop}]`. */
export function handleTokenize(server: ChatServer, flavor: OpenAIFlavor, ex: Exchange): void {
  const json = ex.request.json;
  const text = bodyField<string>(json, flavor === "llama.cpp" ? "content" : flavor === "vllm" ? "prompt" : "inputs");
  if (typeof text !== "string") return ex.json(flavor === "tgi" ? 422 : 400, { error: "missing text to tokenize" });
  const ids = Array.from({ length: text === "" ? 0 : fakeTokenCount(text) }, (_, i) => 1000 + i);
  if (flavor === "llama.cpp") return ex.json(200, { tokens: ids });
  if (flavor === "vllm") return ex.json(200, { count: ids.length, max_model_len: server.contextTokens, tokens: ids });
  return ex.json(
    200,
    ids.map((id, i) => ({ id, text: "x", start: i, stop: i + 1 })),
  );
}

async function streamChat(
  server: ChatServer,
  flavor: OpenAIFlavor,
  ex: Exchange,
  tgiOverContext: { promptTokens: number; maxTokens: number } | undefined,
): Promise<void> {
  const json = ex.request.json;
  const streamOptions = bodyField<{ include_usage?: boolean }>(json, "stream_options");
  // vLLM and TGI: include_usage defaults to true once stream_options is present; llama.cpp wants it said.
  const usageChunk = streamOptions !== undefined && (flavor === "llama.cpp" ? streamOptions.include_usage === true : streamOptions.include_usage !== false);
  const stops = bodyField<string[]>(json, "stop") ?? [];
  const usage = { prompt_tokens: fakeTokenCount(messagesText(json)), completion_tokens: ex.tokens.length, total_tokens: 0 };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  const model = server.servedModel;
  const id = flavor === "tgi" ? "" : `chatcmpl-fake${server.requestCount}`;
  const created = Math.floor(Date.now() / 1000);
  const sse = new SseWriter(ex, flavor !== "tgi");
  const chunk = (choice: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    ...(flavor === "tgi" ? { system_fingerprint: "3.3.6-dev0-native" } : flavor === "llama.cpp" ? { system_fingerprint: "b6400-fake" } : {}),
    choices: [{ index: 0, ...choice, ...(flavor === "llama.cpp" ? {} : { logprobs: null }) }],
    ...(flavor === "tgi" ? { usage: null } : {}),
    ...extra,
  });
  const delta = (content: string) => (flavor === "tgi" ? { role: "assistant", content } : { content });

  ex.startStream("text/event-stream", flavor === "tgi" ? { "x-accel-buffering": "no" } : {});
  if (flavor === "tgi" && (tgiOverContext || ex.scenario === "rate-limit")) {
    // Real TGI admits and validates the request inside the stream: the refusal is an event, with HTTP 200.
    const message = tgiOverContext
      ? `Input validation error: \`inputs\` tokens + \`max_new_tokens\` must be <= ${server.contextTokens}. Given: ${Math.max(tgiOverContext.promptTokens, server.contextTokens)} \`inputs\` tokens and ${tgiOverContext.maxTokens} \`max_new_tokens\``
      : "Model is overloaded";
    sse.data({ error: { message, http_status_code: tgiOverContext ? 422 : 429 } });
    sse.data("[DONE]");
    return ex.end();
  }
  if (flavor === "vllm") sse.data(chunk({ delta: { role: "assistant", content: "" }, finish_reason: null }));
  if (flavor === "llama.cpp") sse.data(chunk({ delta: { role: "assistant", content: null }, finish_reason: null }));
  const outcome = await playTokens(ex, (token) => sse.data(chunk({ delta: delta(token), finish_reason: null })));
  if (outcome === "gone") return;
  if (outcome === "trouble") {
    if (ex.scenario === "stall") return ex.stall();
    if (ex.scenario === "reset") return ex.reset();
    if (flavor === "llama.cpp") sse.data({ error: { code: 500, message: "llama_decode failed", type: "server_error" } });
    else if (flavor === "tgi") {
      sse.data({ error: { message: "Request failed during generation: CUDA out of memory", http_status_code: 422 } });
      sse.data("[DONE]");
    } else {
      sse.data({ error: { message: "Engine loop has died", type: "InternalServerError", param: null, code: 500 } });
      sse.data("[DONE]");
    }
    return ex.end();
  }
  const finishReason = flavor === "tgi" && stops.length > 0 ? "stop_sequence" : "stop";
  const timings = { prompt_n: usage.prompt_tokens, predicted_n: usage.completion_tokens, predicted_ms: 12.5 };
  if (flavor === "llama.cpp") {
    sse.data(chunk({ delta: {}, finish_reason: finishReason }, usageChunk ? {} : { timings }));
  } else {
    sse.data(chunk({ delta: delta(""), finish_reason: finishReason, ...(flavor === "vllm" ? { stop_reason: null } : {}) }));
  }
  if (usageChunk) sse.data({ ...chunk({}), choices: [], usage, ...(flavor === "llama.cpp" ? { timings } : {}) });
  sse.data("[DONE]");
  ex.end();
}

/** A vLLM or llama.cpp server (`/v1/chat/completions`, `/tokenize`, `/v1/models`, `/health`). */
export class FakeOpenAICompatible extends FakeServer {
  apiKey: string | undefined;
  servedModel: string;
  /** The prompt tokens the server takes (llama.cpp -c, vLLM max_model_len), counted as fakeTokenCount does. */
  contextTokens = 4096;
  /** false: the served model's template has no system role and refuses a system message. */
  systemRole = true;

  constructor(
    readonly flavor: "vllm" | "llama.cpp",
    options: { apiKey?: string; servedModel?: string } = {},
  ) {
    super(flavor, "Deep learning is a subset of machine learning based on neural networks.");
    this.apiKey = options.apiKey;
    // llama.cpp names the model by its -m path, whatever the request asks for.
    this.servedModel = options.servedModel ?? (flavor === "llama.cpp" ? "/models/llama-2-7b-chat.Q4_K_M.gguf" : "meta-llama/Llama-2-7b-chat-hf");
  }

  override reset(): void {
    super.reset();
    this.contextTokens = 4096;
    this.systemRole = true;
  }

  protected async handle(ex: Exchange): Promise<void> {
    const { path, method } = ex.request;
    if (method === "GET" && path === "/health") return ex.json(200, { status: "ok" });
    if (method === "GET" && path === "/v1/models") return ex.json(200, { object: "list", data: [{ id: this.servedModel, object: "model" }] });
    if (method === "POST" && path === "/v1/chat/completions") return handleOpenAIChat(this, this.flavor, ex);
    if (method === "POST" && path === "/tokenize") return handleTokenize(this, this.flavor, ex);
    return ex.json(404, { error: { message: "Not Found", type: "NotFoundError", param: null, code: 404 } });
  }
}
