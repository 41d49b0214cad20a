import type { UIMessageChunk } from "ai";
import { describe, expect, it } from "vitest";
import { blindChunk } from "@/lib/arena/blind-stream";
import { pickTwo } from "@/lib/arena/pick-models";

describe("blindChunk", () => {
  const metadata = {
    createdAt: "2026-12-05T07:00:00.000Z",
    modelId: "secret-model",
    status: "complete" as const,
    usage: { inputTokens: 3, outputTokens: 4, estimated: true },
    timings: { firstTokenMs: 10, totalMs: 20 },
    policyBlock: { categories: ["azure_jailbreak"] },
  };

  it("keeps the text and how the answer ended, nothing that could name the model", () => {
    const chunks: UIMessageChunk[] = [
      { type: "start", messageId: "message-1", messageMetadata: metadata },
      { type: "text-start", id: "chatcmpl-provider-id", providerMetadata: { azure: { deployment: "secret-model" } } },
      { type: "text-delta", id: "chatcmpl-provider-id", delta: "Hello" },
      { type: "text-end", id: "chatcmpl-provider-id" },
      { type: "data-title", data: { title: "secret-model" }, transient: true },
      { type: "data-retry", id: "retry", data: { reason: "overloaded", attempt: 2, delayMs: 900 } },
      { type: "source-url", sourceId: "s", url: "https://secret-model.example" },
      { type: "message-metadata", messageMetadata: metadata },
      { type: "finish", finishReason: "stop", messageMetadata: metadata },
    ];
    const blind = chunks.map(blindChunk).filter((chunk) => chunk !== null);
    expect(JSON.stringify(blind)).not.toMatch(/secret-model|message-1|chatcmpl|usage|timings|azure/);
    expect(blind.map((chunk) => chunk.type)).toEqual(["start", "text-start", "text-delta", "text-end", "message-metadata", "finish"]);
    expect(blind[2]).toEqual({ type: "text-delta", id: "answer", delta: "Hello" });
    expect(blind[5]).toEqual({
      type: "finish",
      finishReason: "stop",
      messageMetadata: { createdAt: metadata.createdAt, status: "complete", policyBlock: { categories: [] } },
    });
  });
});

describe("pickTwo", () => {
  it("picks two different ids, any pair in either order", () => {
    const ids = ["x", "y", "z"];
    const seen = new Set<string>();
    for (let first = 0; first < 3; first++) {
      for (let second = 0; second < 2; second++) {
        const draws = [first, second];
        const pair = pickTwo(ids, () => draws.shift() ?? 0);
        expect(pair?.[0]).not.toBe(pair?.[1]);
        seen.add(pair?.join("") ?? "");
      }
    }
    expect([...seen].sort()).toEqual(["xy", "xz", "yx", "yz", "zx", "zy"]);
  });

  it("needs two different ids", () => {
    expect(pickTwo(["x"])).toBeNull();
    expect(pickTwo(["x", "x"])).toBeNull();
    expect(pickTwo(["x", "y"])?.slice().sort()).toEqual(["x", "y"]);
  });
});
