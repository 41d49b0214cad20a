import type { LanguageModelUsage } from "ai";
import { describe, expect, it } from "vitest";
import { LlmError, userMessageFor } from "@/lib/ai/errors";
import { chatMetadata } from "@/lib/ai/metadata";
import { GENERIC_ANSWER_ERROR, outcomeOf, type StreamObservation } from "@/lib/chat/generation-outcome";
import { toChatUIMessages } from "@/lib/chat/ui-messages";

function usage(inputTokens: number | undefined, outputTokens: number | undefined): LanguageModelUsage {
  return {
    inputTokens,
    outputTokens,
    totalTokens: undefined,
    inputTokenDetails: { noCacheTokens: undefined, cacheReadTokens: undefined, cacheWriteTokens: undefined },
    outputTokenDetails: { textTokens: undefined, reasoningTokens: undefined },
  } as LanguageModelUsage;
}

function observation(overrides: Partial<StreamObservation>): StreamObservation {
  return {
    text: "Hello there",
    accepted: true,
    aborted: false,
    error: undefined,
    finishReason: "stop",
    usage: usage(10, 3),
    providerMetadata: chatMetadata({ usageEstimated: false }),
    promptChars: 40,
    startedAt: 1_000,
    firstTokenAt: 1_200,
    endedAt: 1_500,
    ...overrides,
  };
}

describe("outcomeOf", () => {
  it("stores a finished answer as complete with the backend's counts and the timings", () => {
    expect(outcomeOf(observation({}))).toEqual({
      status: "complete",
      text: "Hello there",
      finishReason: "stop",
      error: null,
      usage: { inputTokens: 10, outputTokens: 3, estimated: false },
      metadata: { timings: { firstTokenMs: 200, totalMs: 500 } },
    });
  });

  it("keeps the estimated flag the provider reported", () => {
    expect(outcomeOf(observation({ providerMetadata: chatMetadata({ usageEstimated: true }) })).usage?.estimated).toBe(true);
  });

  it("estimates usage from the characters when a stopped answer has no counts", () => {
    const outcome = outcomeOf(observation({ aborted: true, finishReason: undefined, usage: undefined, providerMetadata: undefined }));
    expect(outcome).toMatchObject({ status: "stopped", text: "Hello there", error: null, finishReason: null });
    expect(outcome.usage).toEqual({ inputTokens: 10, outputTokens: 3, estimated: true });
  });

  it("stores a failure as error with the LlmError's user text and keeps the partial text", () => {
    const error = new LlmError({ code: "stream_error", provider: "azure-openai", adminMessage: "upstream said: secret internals" });
    const outcome = outcomeOf(observation({ error, finishReason: "error" }));
    expect(outcome).toMatchObject({ status: "error", text: "Hello there", finishReason: "error", error: userMessageFor("stream_error") });
    expect(JSON.stringify(outcome)).not.toContain("secret internals");
  });

  it("uses a generic text for errors that are not LlmErrors, and records no usage when the backend never accepted", () => {
    const outcome = outcomeOf(
      observation({ accepted: false, text: "", error: new TypeError("x is undefined"), finishReason: undefined, usage: undefined, firstTokenAt: undefined }),
    );
    expect(outcome).toMatchObject({ status: "error", error: GENERIC_ANSWER_ERROR, usage: null, finishReason: "error" });
    expect(outcome.metadata.timings).toEqual({ totalMs: 500 });
  });

  it("treats a content filter as a complete answer with a policy block", () => {
    const blocked = outcomeOf(
      observation({
        finishReason: "content-filter",
        providerMetadata: chatMetadata({ usageEstimated: true, policyBlock: { stage: "output", categories: ["violence"] } }),
      }),
    );
    expect(blocked).toMatchObject({ status: "complete", finishReason: "content-filter", metadata: { policyBlock: { categories: ["violence"] } } });
    expect(outcomeOf(observation({ finishReason: "content-filter", providerMetadata: undefined })).metadata.policyBlock).toEqual({ categories: [] });
  });
});

describe("toChatUIMessages", () => {
  const base = {
    modelId: null,
    error: null,
    inputTokens: null,
    outputTokens: null,
    usageIsEstimated: false,
    metadata: null,
    feedback: null,
    createdAt: new Date("2025-01-02T03:04:05.000Z"),
  };

  it("maps rows to UI messages with the contract's metadata, leaving system rows out", () => {
    const messages = toChatUIMessages([
      { ...base, id: "s", role: "system", parts: [{ type: "text", text: "secret system prompt" }], status: "complete" },
      { ...base, id: "u", role: "user", parts: [{ type: "text", text: "Hi" }], status: "complete" },
      {
        ...base,
        id: "a",
        role: "assistant",
        parts: [
          { type: "text", text: "Hel" },
          { type: "text", text: "lo" },
        ],
        modelId: "gpt-4o",
        status: "stopped",
        inputTokens: 5,
        outputTokens: 2,
        usageIsEstimated: true,
        metadata: { timings: { firstTokenMs: 20, totalMs: 90 }, policyBlock: { categories: ["hate"] } },
        feedback: -1,
      },
      { ...base, id: "e", role: "assistant", parts: "garbage", status: "error", error: "The model stopped unexpectedly." },
    ]);
    expect(messages).toEqual([
      { id: "u", role: "user", parts: [{ type: "text", text: "Hi", state: "done" }], metadata: { createdAt: "2025-01-02T03:04:05.000Z" } },
      {
        id: "a",
        role: "assistant",
        parts: [{ type: "text", text: "Hello", state: "done" }],
        metadata: {
          createdAt: "2025-01-02T03:04:05.000Z",
          modelId: "gpt-4o",
          status: "stopped",
          error: null,
          policyBlock: { categories: ["hate"] },
          usage: { inputTokens: 5, outputTokens: 2, estimated: true },
          timings: { firstTokenMs: 20, totalMs: 90 },
          feedback: -1,
          lengthLimit: null,
          tooLong: null,
        },
      },
      {
        id: "e",
        role: "assistant",
        parts: [],
        metadata: {
          createdAt: "2025-01-02T03:04:05.000Z",
          modelId: null,
          status: "error",
          error: "The model stopped unexpectedly.",
          policyBlock: null,
          usage: null,
          timings: null,
          feedback: null,
          lengthLimit: null,
          tooLong: null,
        },
      },
    ]);
  });
});
