import { readUIMessageStream } from "ai";
import { describe, expect, it } from "vitest";
import { storedAnswerChunks, streamOf } from "@/lib/chat/stored-answer-stream";
import type { MessageRow } from "@/lib/chat/stored-message";
import type { ChatUIMessage } from "@/lib/chat/types";

function row(changes: Partial<MessageRow>): MessageRow {
  return {
    id: "answer-1",
    role: "assistant",
    parts: [{ type: "text", text: "Hello there" }],
    modelId: "azure",
    status: "complete",
    error: null,
    inputTokens: 12,
    outputTokens: 3,
    usageIsEstimated: false,
    metadata: { timings: { firstTokenMs: 200, totalMs: 900 } },
    feedback: null,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    ...changes,
  } as MessageRow;
}

async function replay(source: MessageRow): Promise<ChatUIMessage | undefined> {
  let last: ChatUIMessage | undefined;
  for await (const message of readUIMessageStream<ChatUIMessage>({ stream: streamOf(storedAnswerChunks(source)) })) last = message;
  return last;
}

describe("a finished answer replayed as a stream", () => {
  it("rebuilds the same message: text, status, usage and timings", async () => {
    const message = await replay(row({}));
    expect(message?.id).toBe("answer-1");
    expect(message?.parts).toEqual([expect.objectContaining({ type: "text", text: "Hello there" })]);
    expect(message?.metadata).toMatchObject({
      status: "complete",
      modelId: "azure",
      usage: { inputTokens: 12, outputTokens: 3, estimated: false },
      timings: { firstTokenMs: 200, totalMs: 900 },
    });
  });

  it("carries a failed answer's user-safe error, and sends no text part when there is none", async () => {
    const chunks = storedAnswerChunks(row({ parts: [], status: "error", error: "The model is unavailable.", inputTokens: null, outputTokens: null }));
    expect(chunks.map((chunk) => chunk.type)).toEqual(["start", "error", "finish"]);
    expect(chunks.find((chunk) => chunk.type === "error")).toMatchObject({ errorText: "The model is unavailable." });
  });
});
