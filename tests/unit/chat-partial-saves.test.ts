import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PartialSaves } from "@/lib/chat/partial-saves";
import type { StreamingText } from "@/lib/db/streaming-texts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A save that records every batch and answers "still streaming" for every id but the ones in `stopped`. */
function recordingSave(stopped: Set<string> = new Set()) {
  const batches: StreamingText[][] = [];
  const save = async (texts: readonly StreamingText[]) => {
    batches.push([...texts]);
    return new Set(texts.map((text) => text.messageId).filter((id) => !stopped.has(id)));
  };
  return { batches, save };
}

describe("PartialSaves", () => {
  it("saves every answer's latest text in one batch per interval", async () => {
    const { batches, save } = recordingSave();
    const saves = new PartialSaves(300, save);
    const a = saves.track("a", () => undefined);
    const b = saves.track("b", () => undefined);

    a.update("1");
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([[{ messageId: "a", text: "1" }]]);

    a.update("12");
    b.update("x");
    a.update("123");
    await vi.advanceTimersByTimeAsync(299);
    expect(batches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches[1]).toEqual([
      { messageId: "a", text: "123" },
      { messageId: "b", text: "x" },
    ]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(batches).toHaveLength(2);
  });

  it("tells an answer the database no longer holds as streaming, and only that one", async () => {
    const { save } = recordingSave(new Set(["stopped-elsewhere"]));
    const saves = new PartialSaves(300, save);
    const told: string[] = [];
    saves.track("stopped-elsewhere", () => told.push("stopped-elsewhere")).update("a");
    saves.track("streaming", () => told.push("streaming")).update("b");
    await vi.advanceTimersByTimeAsync(0);
    expect(told).toEqual(["stopped-elsewhere"]);
  });

  it("drops what is pending on stop and waits for the save in flight", async () => {
    let finishSave = () => {};
    const batches: StreamingText[][] = [];
    const saves = new PartialSaves(300, (texts) => {
      batches.push([...texts]);
      return new Promise<Set<string>>((resolve) => (finishSave = () => resolve(new Set(texts.map((text) => text.messageId)))));
    });
    const a = saves.track("a", () => undefined);
    a.update("1");
    await vi.advanceTimersByTimeAsync(0);
    a.update("12");
    let stopped = false;
    const stopping = a.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    finishSave();
    await stopping;
    a.update("123");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(batches).toEqual([[{ messageId: "a", text: "1" }]]);
  });

  it("keeps saving after a failed batch", async () => {
    let calls = 0;
    const saves = new PartialSaves(10, async (texts) => {
      calls += 1;
      if (calls === 1) throw new Error("database busy");
      return new Set(texts.map((text) => text.messageId));
    });
    const told: string[] = [];
    const a = saves.track("a", () => told.push("a"));
    a.update("1");
    await vi.advanceTimersByTimeAsync(0);
    a.update("12");
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toBe(2);
    // A failed save says nothing about the answer being stopped.
    expect(told).toEqual([]);
  });
});
