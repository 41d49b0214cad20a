import { streamText } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { userMessageFor } from "@/lib/ai/errors";
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

  it("maps the mid-stream data: {error} event to stream_error instead of silently ending", async () => {
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
    // Llama's leading SentencePiece space on the first token is dropped.
    expect(run.deltas).toEqual(tokensOf(tgi.reply.trimStart()));
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

const ALTERNATING_VIOLATION = [
  { role: "user" as const, content: "A question whose answer failed" },
  { role: "user" as const, content: "The next question" },
];
const OLD_EXCHANGE = [
  { role: "user" as const, content: "An old question that takes quite a lot of room in the prompt" },
  { role: "assistant" as const, content: "An old answer that takes quite a lot of room in the prompt as well" },
];

describe("the fakes refuse what the Llama 2 template refuses", () => {
  it("vLLM: 400 when roles do not alternate", async () => {
    const run = await runStream(vllmModel(), { messages: ALTERNATING_VIOLATION });
    expectLlmError(onlyError(run.errors), "bad_request", { upstream: ["Conversation roles must alternate"] });
  });

  it("llama.cpp: 400 invalid_request_error from the Jinja template", async () => {
    const run = await runStream(model(`${llamaCpp.url}/v1`), { messages: ALTERNATING_VIOLATION });
    expectLlmError(onlyError(run.errors), "bad_request", { upstream: ["Jinja Exception: Conversation roles must alternate"] });
  });

  it("TGI Messages API: 422 template_error before the stream", async () => {
    const run = await runStream(model(`${tgi.url}/v1`, { model: "tgi" }), { messages: ALTERNATING_VIOLATION });
    const error = expectLlmError(onlyError(run.errors), "bad_request", { upstream: ["Conversation roles must alternate"] });
    expect(error.status).toBe(422);
  });
});

describe("llama.cpp quirks", () => {
  it("sends usage only when asked, in a choices:[] chunk after the finish chunk", async () => {
    const run = await runStream(model(`${llamaCpp.url}/v1`), { prompt: "What is deep learning?" });
    expect(llamaCpp.lastRequest?.json).toMatchObject({ stream_options: { include_usage: true } });
    expect(run.usage?.outputTokens).toBe(tokensOf(llamaCpp.reply).length);
    expect(run.chat?.usageEstimated).toBe(false);
  });

  it("without include_usage, reads the counts from the finish chunk's timings", async () => {
    const run = await runStream(model(`${llamaCpp.url}/v1`, { includeUsage: false }), { prompt: "What is deep learning?" });
    expect(llamaCpp.lastRequest?.json).not.toHaveProperty("stream_options");
    expect(run.usage?.inputTokens).toBeGreaterThan(0);
    expect(run.usage?.outputTokens).toBe(tokensOf(llamaCpp.reply).length);
    expect(run.chat?.usageEstimated).toBe(false);
  });

  it("reports the server's own model name and survives the first delta's content: null", async () => {
    const result = streamText({ model: model(`${llamaCpp.url}/v1`, { model: "whatever-was-asked" }), prompt: "Hi", maxRetries: 0 });
    expect(await result.text).toBe(llamaCpp.reply);
    expect((await result.response).modelId).toBe(llamaCpp.servedModel);
  });

  it("maps 400 exceed_context_size_error to context_too_long, keeping the error type in the admin message", async () => {
    llamaCpp.contextTokens = 10;
    const run = await runStream(model(`${llamaCpp.url}/v1`), { prompt: "A question far too long for this tiny context window" });
    const error = expectLlmError(onlyError(run.errors), "context_too_long", {
      upstream: ["type exceed_context_size_error", "exceeds the available context size"],
    });
    expect(error.contextLimit).toMatchObject({ maxPromptTokens: 10 });
    expect(error.userMessage).toBe(userMessageFor("context_too_long"));
  });

  it("drops the oldest exchanges, in proportion to the sizes the server named, and asks once more", async () => {
    llamaCpp.contextTokens = 30;
    const run = await runStream(model(`${llamaCpp.url}/v1`), { messages: [...OLD_EXCHANGE, ...OLD_EXCHANGE, { role: "user", content: "New question?" }] });
    expect(run.errors).toEqual([]);
    expect(llamaCpp.requestCount).toBe(2);
    expect((llamaCpp.lastRequest?.json as { messages: unknown[] }).messages).toEqual([{ role: "user", content: "New question?" }]);
  });
});

describe("TGI Messages API in-stream errors", () => {
  it("retries an overload event (HTTP 200, then [DONE]) and answers when TGI frees up", async () => {
    tgi.nextScenarios = ["rate-limit"];
    const run = await runStream(model(`${tgi.url}/v1`, { model: "tgi" }), { prompt: "Hi" });
    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual(tokensOf(tgi.reply.trimStart()));
    expect(tgi.requestCount).toBe(2);
  });

  it("says the model is busy when the overload events do not stop", async () => {
    tgi.scenario = "rate-limit";
    const run = await runStream(model(`${tgi.url}/v1`, { model: "tgi" }), { prompt: "Hi" });
    expectLlmError(onlyError(run.errors), "overloaded", { upstream: ["Model is overloaded"] });
    expect(tgi.requestCount).toBe(1 + TEST_TIMEOUTS.overloadedRetryMs.length);
  });

  it("reads the in-stream 422 validation event of a prompt over the context as context_too_long", async () => {
    tgi.contextTokens = 10;
    const run = await runStream(model(`${tgi.url}/v1`, { model: "tgi" }), { prompt: "A question far too long for this tiny context window" });
    expectLlmError(onlyError(run.errors), "context_too_long", { upstream: ["must be <= 10"] });
  });
});

describe("models whose template has no system role", () => {
  it("puts the system prompt in front of the first question when systemRole is false", async () => {
    vllm.systemRole = false;
    const refused = await runStream(vllmModel(), { system: "Answer in French.", prompt: "Hello" });
    expectLlmError(onlyError(refused.errors), "bad_request", { upstream: ["System role not supported"] });

    const run = await runStream(
      createLanguageModel({
        provider: "openai-compatible",
        endpoint: `${vllm.url}/v1`,
        model: vllm.servedModel,
        apiKey: "vllm-secret",
        systemRole: false,
        timeouts: TEST_TIMEOUTS,
      }),
      { system: "Answer in French.", prompt: "Hello" },
    );
    expect(run.errors).toEqual([]);
    expect((vllm.lastRequest?.json as { messages: unknown[] }).messages).toEqual([{ role: "user", content: "Answer in French.\n\nHello" }]);
  });
});
