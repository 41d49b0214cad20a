import { generateText } from "ai";
import { beforeEach, describe, expect, it } from "vitest";
import { createLanguageModel } from "@/lib/ai/registry";
import { FakeAi21 } from "@/tests/fakes/ai21";
import { useFakeServer } from "../support/fakes";
import { expectLlmError, onlyError } from "./support/expect-llm-error";
import { TEST_TIMEOUTS } from "./support/fast-timeouts";
import { runStream } from "./support/run-stream";

const fake = useFakeServer(new FakeAi21());
const TOKENS = fake.reply.match(/\s*\S+/g) ?? [];

function model(api: "complete" | "chat" | "jamba", name: string, apiKey = fake.apiKey) {
  return createLanguageModel({ provider: "ai21", api, endpoint: `${fake.url}/studio/v1`, model: name, apiKey, timeouts: TEST_TIMEOUTS });
}

const conversation = {
  system: "You are an AI assistant for business research.",
  messages: [
    { role: "user" as const, content: "How should I start a market analysis tool?" },
    { role: "assistant" as const, content: "Start by defining the target users." },
    { role: "user" as const, content: "What data sources?" },
  ],
};

beforeEach(() => fake.reset());

describe("J2 complete", () => {
  it("arrives as one chunk, built from a transcript prompt, with the bearer key", async () => {
    const run = await runStream(model("complete", "j2-ultra"), conversation);

    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual([fake.reply]);
    expect(run.finishReason).toBe("stop");
    expect(run.rawFinishReason).toBe("endoftext");
    const request = fake.lastRequest;
    expect(request?.path).toBe("/studio/v1/j2-ultra/complete");
    expect(request?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(request?.json).toMatchObject({
      prompt:
        "You are an AI assistant for business research.\n\n" +
        "User: How should I start a market analysis tool?\n" +
        "Assistant: Start by defining the target users.\n" +
        "User: What data sources?\n" +
        "Assistant:",
      numResults: 1,
      maxTokens: 1024,
      stopSequences: ["\nUser:"],
    });
  });

  it("counts usage from the prompt and completion token lists", async () => {
    const run = await runStream(model("complete", "j2-mid"), { prompt: "Hello there" });

    expect(run.usage?.outputTokens).toBe(TOKENS.length);
    expect(run.usage?.inputTokens).toBe("User: Hello there\nAssistant:".match(/\s*\S+/g)?.length);
    expect(run.chat?.usageEstimated).toBe(false);
  });

  it("maps a FastAPI 422 detail list to bad_request", async () => {
    fake.scenario = "bad-request";
    const run = await runStream(model("complete", "j2-ultra"), { prompt: "Hi" });

    const error = expectLlmError(onlyError(run.errors), "bad_request", { upstream: ["body.prompt: field required"] });
    expect(error.status).toBe(422);
  });

  it("maps a bad key to auth", async () => {
    const run = await runStream(model("complete", "j2-ultra", "bad-ai21-key"), { prompt: "Hi" });

    expectLlmError(onlyError(run.errors), "auth", { secrets: ["bad-ai21-key"], upstream: ["Bad or missing API token"] });
  });

  it("maps 429 to rate_limited", async () => {
    fake.scenario = "rate-limit";
    const run = await runStream(model("complete", "j2-ultra"), { prompt: "Hi" });

    expectLlmError(onlyError(run.errors), "rate_limited");
  });
});

describe("J2 chat", () => {
  it("arrives as one chunk; sends system + messages with `text`; flags estimated usage", async () => {
    const run = await runStream(model("chat", "j2-ultra"), conversation);

    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual([fake.reply]);
    expect(fake.lastRequest?.path).toBe("/studio/v1/j2-ultra/chat");
    expect(fake.lastRequest?.json).toMatchObject({
      system: "You are an AI assistant for business research.",
      messages: [
        { role: "user", text: "How should I start a market analysis tool?" },
        { role: "assistant", text: "Start by defining the target users." },
        { role: "user", text: "What data sources?" },
      ],
      numResults: 1,
    });
    expect(run.chat?.usageEstimated).toBe(true);
    expect(run.usage?.outputTokens).toBe(Math.ceil(fake.reply.length / 4));
  });

  it("sends an empty system when the conversation has none (the field is required)", async () => {
    const run = await runStream(model("chat", "j2-ultra"), { prompt: "Hi" });

    expect(run.errors).toEqual([]);
    expect(fake.lastRequest?.json).toMatchObject({ system: "", messages: [{ role: "user", text: "Hi" }] });
  });

  it("maps a model without a chat path to not_found", async () => {
    const run = await runStream(model("chat", "j2-light"), { prompt: "Hi" });

    expectLlmError(onlyError(run.errors), "not_found");
  });

  it("works through generateText", async () => {
    const result = await generateText({ model: model("chat", "j2-ultra"), prompt: "Hi", maxRetries: 0 });

    expect(result.text).toBe(fake.reply);
  });
});

describe("Jamba chat completions", () => {
  it("streams token by token with usage from the last chunk", async () => {
    const run = await runStream(model("jamba", "jamba-mini"), conversation);

    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual(TOKENS);
    expect(run.finishReason).toBe("stop");
    expect(run.usage?.outputTokens).toBe(TOKENS.length);
    expect(run.chat?.usageEstimated).toBe(false);
    expect(fake.lastRequest?.path).toBe("/studio/v1/chat/completions");
    expect(fake.lastRequest?.json).toMatchObject({
      model: "jamba-mini",
      stream: true,
      n: 1,
      messages: [
        { role: "system", content: conversation.system },
        { role: "user", content: "How should I start a market analysis tool?" },
        { role: "assistant", content: "Start by defining the target users." },
        { role: "user", content: "What data sources?" },
      ],
    });
  });

  it("maps an unknown model to not_found", async () => {
    const run = await runStream(model("jamba", "jamba-instruct"), { prompt: "Hi" });

    expectLlmError(onlyError(run.errors), "not_found");
  });

  it("maps a mid-stream error to stream_error", async () => {
    fake.scenario = "mid-stream-error";
    const run = await runStream(model("jamba", "jamba-large"), { prompt: "Hi" });

    expect(run.deltas).toEqual(TOKENS.slice(0, 2));
    expectLlmError(onlyError(run.errors), "stream_error");
  });
});
