import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ThrottledTextWriter } from "@/lib/chat/throttled-text-writer";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("ThrottledTextWriter", () => {
  it("writes at once, then at most once per interval with the latest text", async () => {
    const writes: string[] = [];
    const writer = new ThrottledTextWriter(
      async (text) => void writes.push(text),
      300,
      () => undefined,
    );
    writer.update("a");
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toEqual(["a"]);

    writer.update("ab");
    writer.update("abc");
    await vi.advanceTimersByTimeAsync(299);
    expect(writes).toEqual(["a"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual(["a", "abc"]);
  });

  it("drops what is pending on stop and waits for the write in flight", async () => {
    let finishWrite = () => {};
    const writes: string[] = [];
    const writer = new ThrottledTextWriter(
      (text) => {
        writes.push(text);
        return new Promise<void>((resolve) => (finishWrite = resolve));
      },
      300,
      () => undefined,
    );
    writer.update("a");
    await vi.advanceTimersByTimeAsync(0);
    writer.update("ab");
    let stopped = false;
    const stopping = writer.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    finishWrite();
    await stopping;
    expect(writes).toEqual(["a"]);
    writer.update("abc");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(writes).toEqual(["a"]);
  });

  it("reports a failed write and keeps writing", async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const writer = new ThrottledTextWriter(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error("database busy");
      },
      10,
      (error) => errors.push(error),
    );
    writer.update("a");
    await vi.advanceTimersByTimeAsync(0);
    writer.update("ab");
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
