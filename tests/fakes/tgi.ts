import { Exchange, FakeServer, fakeTokenCount } from "./fake-server";
import { playTokens, waitWithTicks } from "./play-tokens";
import { handleOpenAIChat } from "./openai-compatible";
import { bodyField, SseWriter } from "./openai-style";

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
 * API on `/v1/chat/completions`. Validation follows TGI's (top_p must be in (0, 1), temperature > 0, ≤ 4 stops).
 */
export class FakeTgi extends FakeServer {
  apiKey: string | undefined;
  servedModel = "meta-llama/Llama-2-7b-chat-hf";
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
    if (method === "POST" && (path === "/generate_stream" || path === "/generate")) return this.generate(ex, path === "/generate_stream");
    return ex.empty(404);
  }

  private async generate(ex: Exchange, stream: boolean): Promise<void> {
    const { scenario, request } = ex;
    if (scenario === "unauthorized") return ex.empty(401);
    if (scenario === "not-found") return ex.empty(404);
    if (scenario === "rate-limit") return ex.json(429, { error: "Model is overloaded", error_type: "overloaded" });
    if (scenario === "server-error") return ex.json(500, { error: "Incomplete generation", error_type: "incomplete_generation" });
    const inputs = bodyField<string>(request.json, "inputs");
    const parameters = bodyField<GenerateParameters>(request.json, "parameters") ?? {};
    const invalid = scenario === "bad-request" ? "Input validation error: `inputs` tokens + `max_new_tokens` must be <= 4096. Given: 4000 `inputs` tokens and 200 `max_new_tokens`" : validate(inputs, parameters);
    if (invalid) return ex.json(422, { error: invalid, error_type: "validation" });
    const inputLength = fakeTokenCount(inputs ?? "");
    const details = (generated: number) => ({ finish_reason: "eos_token", generated_tokens: generated, seed: null, input_length: inputLength });
    if (!stream) {
      return ex.json(200, { generated_text: this.reply, ...(parameters.details ? { details: { ...details(ex.tokens.length + 1), prefill: [], tokens: [] } } : {}) }, {
        "x-prompt-tokens": String(inputLength),
        "x-generated-tokens": String(ex.tokens.length + 1),
      });
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
