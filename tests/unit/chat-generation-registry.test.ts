import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  assignMessage,
  claimGeneration,
  claimGenerations,
  getActiveGeneration,
  getActiveGenerations,
  getGenerationForMessage,
  isGenerating,
  releaseGeneration,
} from "@/lib/chat/generation-registry";

// The registry holds several answers per conversation (a Compare run) but never two runs in one conversation.

describe("generation registry", () => {
  it("gives a conversation one slot for a normal answer: a second claim is refused until it is released", () => {
    const conversationId = randomUUID();
    const first = claimGeneration(conversationId, "ann");
    expect(first).not.toBeNull();
    expect(claimGeneration(conversationId, "ann")).toBeNull();
    expect(claimGenerations(conversationId, "ann", 2)).toBeNull();
    expect(isGenerating(conversationId)).toBe(true);
    releaseGeneration(first!);
    expect(isGenerating(conversationId)).toBe(false);
    const again = claimGeneration(conversationId, "ann");
    expect(again).not.toBeNull();
    releaseGeneration(again!);
  });

  it("claims several answers at once, finds each by message id, and stays busy until the last is released", () => {
    const conversationId = randomUUID();
    const generations = claimGenerations(conversationId, "ann", 3)!;
    expect(generations).toHaveLength(3);
    expect(claimGeneration(conversationId, "ann")).toBeNull();
    const ids = generations.map((generation) => {
      const id = randomUUID();
      assignMessage(generation, id);
      return id;
    });
    expect(getActiveGenerations(conversationId)).toEqual(generations);
    expect(getGenerationForMessage(conversationId, ids[1]!)).toBe(generations[1]);
    expect(getGenerationForMessage(randomUUID(), ids[1]!)).toBeNull();
    expect(getActiveGeneration(conversationId)).toBe(generations[2]);

    releaseGeneration(generations[1]!);
    expect(getGenerationForMessage(conversationId, ids[1]!)).toBeNull();
    expect(getActiveGenerations(conversationId)).toEqual([generations[0], generations[2]]);
    releaseGeneration(generations[0]!);
    expect(isGenerating(conversationId)).toBe(true);
    releaseGeneration(generations[2]!);
    expect(isGenerating(conversationId)).toBe(false);
    expect(getActiveGeneration(conversationId)).toBeNull();
  });

  it("resolves `stored` on release, and a second release of the same generation frees nothing else", async () => {
    const conversationId = randomUUID();
    const [first, second] = claimGenerations(conversationId, "ann", 2)!;
    releaseGeneration(first!);
    await expect(first!.stored).resolves.toBeUndefined();
    releaseGeneration(first!);
    expect(getActiveGenerations(conversationId)).toEqual([second]);
    releaseGeneration(second!);
  });

  it("keeps conversations apart and refuses a claim of no answers", () => {
    const a = randomUUID();
    const b = randomUUID();
    const inA = claimGeneration(a, "ann")!;
    const inB = claimGeneration(b, "bob")!;
    expect(getActiveGenerations(a)).toEqual([inA]);
    expect(getActiveGenerations(b)).toEqual([inB]);
    expect(claimGenerations(randomUUID(), "ann", 0)).toBeNull();
    releaseGeneration(inA);
    releaseGeneration(inB);
  });
});
