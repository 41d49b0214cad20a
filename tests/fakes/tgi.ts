import { type Exchange, FakeServer, fakeTokenCount } from "./fake-server";
import { handleOpenAIChat, handleTokenize } from "./openai-compatible";
import { bodyField, SseWriter } from "./openai-style";
import { playTokens, waitWithTicks } from "./play-tokens";

interface GenerateParameters {
  max_new_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  details?: boolean;
}

/**
 * Hugging Face text-generation-inference: native `/generate_stream` (axum SSE: `data:` with no space, `:` keep-alive
 * comments, no [DONE], final event with `generated_text`, EOS as a special token) and `/generate`, plus the Messages
 * API on `/v1/chat/completions` and `/tokenize`. Validation follows TGI's (top_p must be in (0, 1), temperature > 0,
 * ≤ 4 stops, inputs + max_new_tokens ≤ max_total_tokens). As real TGI does, `/generate_stream` validates and admits
 * the request inside the stream: validation errors and "Model is overloaded" arrive as HTTP 200 with one
 * `data:{"error","error_type"}` event; only a body that is not JSON is refused before (422, plain text). The
 * non-streaming `/generate` answers with the statuses (422 validation, 429 overloaded, 500 incomplete_generation).
 */
export class FakeTgi extends FakeServer {
  apiKey: string | undefined;
  servedModel = "meta-llama/Llama-2-7b-chat-hf";
  /** --max-total-tokens: inputs + max_new_tokens must fit (counted as fakeTokenCount does). */
  contextTokens = 4096;
  /** Real TGI: 15 s. */
  keepAliveMs = 15_000;

  constructor(options: { apiKey?: string } = {}) {
    // Llama's first token carries SentencePiece's leading space.
    super("tgi", " Deep learning is a subset of machine learning that uses neural networks.");
    this.apiKey = options.apiKey;
  }

  protected async handle(ex: Exchange): Promise<void> {
    const { path, method, headers } = ex.request;
    if (method === "GET" && path === "/health") return ex.empty(200);
    if (method === "GET" && path === "/info") return ex.json(200, { model_id: this.servedModel, max_stop_sequences: 4, version: "3.3.6-dev0" });
    if (this.apiKey && headers.authorization?.toLowerCase() !== `bearer ${this.apiKey}`.toLowerCase()) return ex.empty(401);
    if (method === "POST" && path === "/v1/chat/completions") return handleOpenAIChat(this, "tgi", ex);
    if (method === "POST" && path === "/tokenize") return handleTokenize(this, "tgi", ex);
    if (method === "POST" && (path === "/generate_stream" || path === "/generate")) return this.generate(ex, path === "/generate_stream");
    return ex.empty(404);
  }

  override reset(): void {
    super.reset();
    this.contextTokens = 4096;
  }

  private async generate(ex: Exchange, stream: boolean): Promise<void> {
    const { scenario, request } = ex;
    if (scenario === "unauthorized") return ex.empty(401);
    if (scenario === "not-found") return ex.empty(404);
    if (request.json === undefined) {
      ex.res.writeHead(422, { "content-type": "text/plain; charset=utf-8" });
      ex.res.end("Failed to deserialize the JSON body into the target type: expected value at line 1 column 1");
      return;
    }
    const inputs = bodyField<string>(request.json, "inputs");
    const parameters = bodyField<GenerateParameters>(request.json, "parameters") ?? {};
    const inputLength = fakeTokenCount(inputs ?? "");
    const maxNew = parameters.max_new_tokens ?? 20;
    const tooLong = `Input validation error: \`inputs\` tokens + \`max_new_tokens\` must be <= ${this.contextTokens}. Given: ${scenario === "bad-request" ? this.contextTokens : inputLength} \`inputs\` tokens and ${maxNew} \`max_new_tokens\``;
    const refusal: { status: number; error: string; error_type: string } | undefined =
      scenario === "rate-limit"
        ? { status: 429, error: "Model is overloaded", error_type: "overloaded" }
        : scenario === "server-error"
          ? { status: 500, error: "Incomplete generation", error_type: "incomplete_generation" }
          : scenario === "bad-request" || inputLength + maxNew > this.contextTokens
            ? { status: 422, error: tooLong, error_type: "validation" }
            : (() => {
                const invalid = validate(inputs, parameters);
                return invalid ? { status: 422, error: invalid, error_type: "validation" } : undefined;
              })();
    if (refusal && !stream) return ex.json(refusal.status, { error: refusal.error, error_type: refusal.error_type });
    if (refusal) {
      ex.startStream("text/event-stream", { "x-accel-buffering": "no" });
      new SseWriter(ex, false).data({ error: refusal.error, error_type: refusal.error_type });
      return ex.end();
    }
    const details = (generated: number) => ({ finish_reason: "eos_token", generated_tokens: generated, seed: null, input_length: inputLength });
    if (!stream) {
      return ex.json(
        200,
        { generated_text: this.reply, ...(parameters.details ? { details: { ...details(ex.tokens.length + 1), prefill: [], tokens: [] } } : {}) },
        {
          "x-prompt-tokens": String(inputLength),
          "x-generated-tokens": String(ex.tokens.length + 1),
        },
      );
    }

    const sse = new SseWriter(ex, false);
    const keepAlive = { everyMs: this.keepAliveMs, tick: () => sse.comment() };
    ex.startStream("text/event-stream", { "x-accel-buffering": "no", "x-compute-type": "gpu+optimized" });
    sse.comment();
    const outcome = await playTokens(
      ex,
      (text, index) => sse.data({ index: index + 1, token: { id: 1000 + index, text, logprob: -0.1, special: false }, generated_text: null, details: null }),
      keepAlive,
    );
    if (outcome === "gone") return;
    if (outcome === "trouble") {
      if (scenario === "reset") return ex.reset();
      if (scenario === "stall") {
        // A stuck generation still gets keep-alives from axum.
        await waitWithTicks(ex, ex.timings.stallMs, keepAlive);
        return ex.end();
      }
      sse.data({ error: "Request failed during generation: Server error: CUDA out of memory", error_type: "generation" });
      return ex.end();
    }
    const n = ex.tokens.length;
    sse.data({
      index: n + 1,
      token: { id: 2, text: "</s>", logprob: -0.1, special: true },
      generated_text: this.reply,
      details: parameters.details ? details(n + 1) : null,
    });
    ex.end();
  }
}

function validate(inputs: string | undefined, p: GenerateParameters): string | undefined {
  if (typeof inputs !== "string" || inputs === "") return "Input validation error: `inputs` cannot be empty";
  if (p.temperature !== undefined && !(p.temperature > 0)) return "Input validation error: `temperature` must be strictly positive";
  if (p.top_p !== undefined && !(p.top_p > 0 && p.top_p < 1)) return "Input validation error: `top_p` must be > 0.0 and < 1.0";
  if (p.stop && p.stop.length > 4) return `Input validation error: \`stop\` supports up to 4 stop sequences. Given: ${p.stop.length}`;
  return undefined;
}
