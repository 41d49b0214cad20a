import { beforeEach, describe, expect, it } from "vitest";
import { createLanguageModel } from "@/lib/ai/registry";
import { FakeOllama } from "@/tests/fakes/ollama";
import { useFakeServer } from "../support/fakes";
import { expectLlmError, onlyError } from "./support/expect-llm-error";
import { TEST_TIMEOUTS } from "./support/fast-timeouts";
import { runStream } from "./support/run-stream";

const fake = useFakeServer(new FakeOllama());
const TOKENS = fake.reply.match(/\s*\S+/g) ?? [];

function model(name = "llama2:7b-chat") {
  return createLanguageModel({ provider: "ollama", endpoint: fake.url, model: name, keepAlive: "5m", timeouts: TEST_TIMEOUTS });
}

beforeEach(() => {
  fake.reset();
  fake.omitPromptEvalCount = false;
});

describe("ollama /api/chat", () => {
  it("streams NDJSON token by token with roles and options as Ollama names them", async () => {
    const run = await runStream(model(), { system: "You are helpful.", prompt: "Why is the sky blue?", maxOutputTokens: 256, temperature: 0.7 });

    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual(TOKENS);
    expect(run.finishReason).toBe("stop");
    expect(fake.lastRequest?.path).toBe("/api/chat");
    expect(fake.lastRequest?.json).toEqual({
      model: "llama2:7b-chat",
      messages: [
        { role: "system", content: "You are helpful." },
        { role: "user", content: "Why is the sky blue?" },
      ],
      stream: true,
      options: { temperature: 0.7, num_predict: 256 },
      keep_alive: "5m",
    });
  });

  it("reports usage from prompt_eval_count and eval_count", async () => {
    const run = await runStream(model(), { prompt: "Why is the sky blue?" });

    expect(run.usage?.outputTokens).toBe(TOKENS.length);
    expect(run.usage?.inputTokens).toBeGreaterThan(0);
    expect(run.chat?.usageEstimated).toBe(false);
  });

  it("estimates the prompt count when Ollama omits it (cached prompt) and flags it", async () => {
    fake.omitPromptEvalCount = true;
    const run = await runStream(model(), { prompt: "Why is the sky blue?" });

    expect(run.usage?.inputTokens).toBe(Math.ceil("Why is the sky blue?".length / 4));
    expect(run.usage?.outputTokens).toBe(TOKENS.length);
    expect(run.chat?.usageEstimated).toBe(true);
  });

  it("maps 404 model not found to not_found", async () => {
    const run = await runStream(model("llama2:70b"), { prompt: "Hi" });

    expectLlmError(onlyError(run.errors), "not_found", { upstream: ["model 'llama2:70b' not found"] });
  });

  it("maps the mid-stream {error} line to stream_error", async () => {
    fake.scenario = "mid-stream-error";
    const run = await runStream(model(), { prompt: "Hi" });

    expect(run.deltas).toEqual(TOKENS.slice(0, 2));
    expectLlmError(onlyError(run.errors), "stream_error", { upstream: ["error was encountered while running the model"] });
  });

  it("maps 500 to unavailable", async () => {
    fake.scenario = "server-error";
    const run = await runStream(model(), { prompt: "Hi" });

    expectLlmError(onlyError(run.errors), "unavailable");
  });

  it("retries a busy Ollama (503 server busy) and answers when it frees up", async () => {
    fake.nextScenarios = ["rate-limit"];
    const run = await runStream(model(), { prompt: "Hi" });

    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual(TOKENS);
    expect(fake.requestCount).toBe(2);
  });

  it("says the model is busy when Ollama stays busy (503) after the retries", async () => {
    fake.scenario = "rate-limit";
    const run = await runStream(model(), { prompt: "Hi" });

    const error = expectLlmError(onlyError(run.errors), "overloaded", { upstream: ["server busy"] });
    expect(error.status).toBe(503);
    expect(fake.requestCount).toBe(1 + TEST_TIMEOUTS.overloadedRetryMs.length);
  });

  it("counts a thinking model's thinking chunks as activity for the first-token clock", async () => {
    fake.thinkingChunks = 12;
    fake.timings.tokenDelayMs = 40;
    // 12 thinking chunks take about 480 ms, far over the 200 ms first-token timeout: only activity keeps it alive.
    const impatient = createLanguageModel({
      provider: "ollama",
      endpoint: fake.url,
      model: "llama2:7b-chat",
      timeouts: { ...TEST_TIMEOUTS, firstTokenMs: 200 },
    });
    const run = await runStream(impatient, { prompt: "Think first" });

    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual(TOKENS);
  });
});
