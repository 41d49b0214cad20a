import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLanguageModel } from "@/lib/ai/registry";
import { FakeOpenAICompatible } from "@/tests/fakes/openai-compatible";
import { FakeTgi } from "@/tests/fakes/tgi";
import { expectLlmError, onlyError } from "./support/expect-llm-error";
import { TEST_TIMEOUTS } from "./support/fast-timeouts";
import { runStream } from "./support/run-stream";

const vllm = new FakeOpenAICompatible("vllm", { apiKey: "vllm-secret" });
const llamaCpp = new FakeOpenAICompatible("llama.cpp");
const tgi = new FakeTgi();
const tokensOf = (text: string) => text.match(/\s*\S+/g) ?? [];

function model(endpoint: string, extra: { model?: string; apiKey?: string; includeUsage?: boolean } = {}) {
  return createLanguageModel({ provider: "openai-compatible", endpoint, timeouts: TEST_TIMEOUTS, ...extra });
}
const vllmModel = (apiKey = "vllm-secret") => model(`${vllm.url}/v1`, { model: vllm.servedModel, apiKey });

beforeAll(async () => {
  await Promise.all([vllm.start(), llamaCpp.start(), tgi.start()]);
});
afterAll(async () => {
  await Promise.all([vllm.close(), llamaCpp.close(), tgi.close()]);
});
beforeEach(() => {
  for (const fake of [vllm, llamaCpp, tgi]) fake.reset();
  llamaCpp.apiKey = undefined;
});

describe("vLLM", () => {
  it("streams token by token with the bearer key and the served model name", async () => {
    const run = await runStream(vllmModel(), { system: "Be brief.", prompt: "What is deep learning?" });

    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual(tokensOf(vllm.reply));
    expect(run.finishReason).toBe("stop");
    const request = vllm.lastRequest;
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.headers.authorization).toBe("Bearer vllm-secret");
    expect(request?.json).toMatchObject({
      model: vllm.servedModel,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 1024,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "What is deep learning?" },
      ],
    });
  });

  it("reads usage from the choices:[] usage chunk", async () => {
    const run = await runStream(vllmModel(), { prompt: "What is deep learning?" });

    expect(run.usage?.outputTokens).toBe(tokensOf(vllm.reply).length);
    expect(run.chat?.usageEstimated).toBe(false);
  });

  it("estimates usage and flags it when the server sends none", async () => {
    const run = await runStream(model(`${vllm.url}/v1`, { model: vllm.servedModel, apiKey: "vllm-secret", includeUsage: false }), { prompt: "Hello there" });

    expect(vllm.lastRequest?.json).not.toHaveProperty("stream_options");
    expect(run.chat?.usageEstimated).toBe(true);
    expect(run.usage?.outputTokens).toBe(Math.ceil(vllm.reply.length / 4));
    expect(run.usage?.inputTokens).toBe(Math.ceil("Hello there".length / 4));
  });

  it("maps a missing or wrong key to auth", async () => {
    const run = await runStream(vllmModel("wrong-key-abc"), { prompt: "Hi" });

    expectLlmError(onlyError(run.errors), "auth", { secrets: ["wrong-key-abc"] });
  });

  it("maps an unknown model (404 with int code) to not_found", async () => {
    const run = await runStream(model(`${vllm.url}/v1`, { model: "llama-3", apiKey: "vllm-secret" }), { prompt: "Hi" });

    const error = expectLlmError(onlyError(run.errors), "not_found");
    expect(error.upstreamCode).toBe("404");
  });

  it("maps 429 to rate_limited with retry-after seconds", async () => {
    vllm.scenario = "rate-limit";
    const run = await runStream(vllmModel(), { prompt: "Hi" });

    expect(expectLlmError(onlyError(run.errors), "rate_limited").retryAfterMs).toBe(2000);
  });

  it("maps a 400 about the context length to context_too_long", async () => {
    vllm.scenario = "bad-request";
    const run = await runStream(vllmModel(), { prompt: "Hi" });

    expectLlmError(onlyError(run.errors), "context_too_long", { upstream: ["maximum context length"] });
  });

  it("maps a mid-stream data: {error} event (followed by [DONE]) to stream_error", async () => {
    vllm.scenario = "mid-stream-error";
    const run = await runStream(vllmModel(), { prompt: "Hi" });

    expect(run.deltas).toEqual(tokensOf(vllm.reply).slice(0, 2));
    expectLlmError(onlyError(run.errors), "stream_error", { upstream: ["Engine loop has died"] });
  });
});

describe("llama.cpp server", () => {
  it("streams token by token and takes usage from the finish chunk", async () => {
    const run = await runStream(model(`${llamaCpp.url}/v1`), { prompt: "What is deep learning?" });

    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual(tokensOf(llamaCpp.reply));
    expect(run.usage?.outputTokens).toBe(tokensOf(llamaCpp.reply).length);
    expect(run.chat?.usageEstimated).toBe(false);
    expect(llamaCpp.lastRequest?.headers.authorization).toBeUndefined();
    expect(llamaCpp.lastRequest?.json).not.toHaveProperty("model");
  });

  it("maps 401 authentication_error to auth", async () => {
    llamaCpp.apiKey = "cpp-key";
    const run = await runStream(model(`${llamaCpp.url}/v1`, { apiKey: "bad" }), { prompt: "Hi" });

    expectLlmError(onlyError(run.errors), "auth", { upstream: ["Invalid API Key"] });
  });

  it("maps 503 loading to unavailable", async () => {
    llamaCpp.scenario = "server-error";
    const run = await runStream(model(`${llamaCpp.url}/v1`), { prompt: "Hi" });

    expectLlmError(onlyError(run.errors), "unavailable", { upstream: ["Loading model"] });
  });

  it("maps the non-SSE `error: {…}` line to stream_error instead of silently ending", async () => {
    llamaCpp.scenario = "mid-stream-error";
    const run = await runStream(model(`${llamaCpp.url}/v1`), { prompt: "Hi" });

    expect(run.deltas).toEqual(tokensOf(llamaCpp.reply).slice(0, 2));
    expectLlmError(onlyError(run.errors), "stream_error", { upstream: ["llama_decode failed"] });
  });
});

describe("TGI Messages API", () => {
  it("streams `data:` frames without a space, role in every delta, and reads the usage chunk", async () => {
    const run = await runStream(model(`${tgi.url}/v1`, { model: "tgi" }), { prompt: "What is deep learning?", topP: 1 });

    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual(tokensOf(tgi.reply));
    expect(run.finishReason).toBe("stop");
    expect(run.chat?.usageEstimated).toBe(false);
    expect(tgi.lastRequest?.path).toBe("/v1/chat/completions");
    // TGI rejects top_p = 1.0 with a 422.
    expect(tgi.lastRequest?.json).not.toHaveProperty("top_p");
  });

  it("treats the non-OpenAI finish reason stop_sequence as stop", async () => {
    const run = await runStream(model(`${tgi.url}/v1`, { model: "tgi" }), { prompt: "Count", stopSequences: ["\n\n"] });

    expect(run.finishReason).toBe("stop");
    expect(run.rawFinishReason).toBe("stop_sequence");
  });

  it("maps the {error:{message,http_status_code}} mid-stream event to stream_error", async () => {
    tgi.scenario = "mid-stream-error";
    const run = await runStream(model(`${tgi.url}/v1`, { model: "tgi" }), { prompt: "Hi" });

    expectLlmError(onlyError(run.errors), "stream_error", { upstream: ["CUDA out of memory"] });
  });
});
