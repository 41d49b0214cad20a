import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLanguageModel } from "@/lib/ai/registry";
import { FakeOllama } from "@/tests/fakes/ollama";
import { expectLlmError, onlyError } from "./support/expect-llm-error";
import { TEST_TIMEOUTS } from "./support/fast-timeouts";
import { runStream } from "./support/run-stream";

const fake = new FakeOllama();
const TOKENS = fake.reply.match(/\s*\S+/g) ?? [];

function model(name = "llama2:7b-chat") {
  return createLanguageModel({ provider: "ollama", endpoint: fake.url, model: name, keepAlive: "5m", timeouts: TEST_TIMEOUTS });
}

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.close();
});
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

    expectLlmError(onlyError(run.errors), "not_found", { upstream: ["try pulling it first"] });
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
});
