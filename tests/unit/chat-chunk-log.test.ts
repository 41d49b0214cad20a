import type { UIMessageChunk } from "ai";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ChunkLog, compactTextDeltas, MAX_TEXT_DELIVERY_GAP_MS, TEXT_DELIVERY_GAP_MS, textDeliveryGapMs } from "@/lib/chat/chunk-log";

async function readAll(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

const delta = (text: string, id = "t"): UIMessageChunk => ({ type: "text-delta", id, delta: text });

describe("ChunkLog", () => {
  it("replays what was pushed, then follows live until closed", async () => {
    const log = new ChunkLog();
    log.push({ type: "start", messageId: "m1" });
    log.push({ type: "text-start", id: "t" });
    log.push(delta("Hel"));
    log.push(delta("lo"));
    await new Promise((resolve) => setImmediate(resolve));
    const reading = readAll(log.subscribe());
    log.push(delta("!"));
    log.push({ type: "text-end", id: "t" });
    log.push({ type: "finish" });
    log.close();

    expect(await reading).toEqual([
      { type: "start", messageId: "m1" },
      { type: "text-start", id: "t" },
      delta("Hello"),
      delta("!"),
      { type: "text-end", id: "t" },
      { type: "finish" },
    ]);
  });

  it("gives a late subscriber the whole answer and an ended stream", async () => {
    const log = new ChunkLog();
    log.push({ type: "start" });
    log.push({ type: "finish" });
    log.close();
    log.push(delta("ignored after close"));
    expect(await readAll(log.subscribe())).toEqual([{ type: "start" }, { type: "finish" }]);
    expect(log.isClosed).toBe(true);
  });

  it("keeps going for the others when one subscriber cancels", async () => {
    const log = new ChunkLog();
    const leaving = log.subscribe().getReader();
    const staying = readAll(log.subscribe());
    log.push(delta("a"));
    expect((await leaving.read()).value).toEqual(delta("a"));
    await leaving.cancel();
    log.push(delta("b"));
    log.close();
    expect(await staying).toEqual([delta("a"), delta("b")]);
  });
});

describe("compactTextDeltas", () => {
  it("joins consecutive deltas of one part only", () => {
    expect(compactTextDeltas([delta("a"), delta("b"), delta("c", "other"), { type: "text-end", id: "t" }, delta("d")])).toEqual([
      delta("ab"),
      delta("c", "other"),
      { type: "text-end", id: "t" },
      delta("d"),
    ]);
  });
});

describe("ChunkLog live delivery", () => {
  it("sends the deltas of one event-loop turn as one chunk, and a subscriber joining mid-turn gets each chunk once", async () => {
    const log = new ChunkLog();
    const early = readAll(log.subscribe());
    log.push({ type: "text-start", id: "t" });
    log.push(delta("a"));
    const late = readAll(log.subscribe());
    log.push(delta("b"));
    await new Promise((resolve) => setImmediate(resolve));
    log.push(delta("c"));
    log.close();

    const expected = [{ type: "text-start", id: "t" }, delta("ab"), delta("c")];
    expect(await early).toEqual(expected);
    expect(await late).toEqual(expected);
  });

  describe("once text flows", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("sends the first text at once, then at most one delivery per gap, and the end at once", async () => {
      vi.useFakeTimers({ toFake: ["setImmediate", "setTimeout", "performance"] });
      const log = new ChunkLog();
      const seen: UIMessageChunk[] = [];
      const reader = log.subscribe().getReader();
      // Takes what was delivered so far; a read left waiting takes the next delivery.
      let waiting: Promise<ReadableStreamReadResult<UIMessageChunk>> | null = null;
      const drain = async () => {
        for (;;) {
          waiting ??= reader.read();
          const next = await Promise.race([waiting, Promise.resolve(null)]);
          if (!next) return;
          waiting = null;
          if (next.done) return;
          seen.push(next.value);
        }
      };

      log.push({ type: "text-start", id: "t" });
      log.push(delta("a"));
      await vi.advanceTimersToNextTimerAsync();
      await drain();
      expect(seen).toEqual([{ type: "text-start", id: "t" }, delta("a")]);

      log.push(delta("b"));
      await vi.advanceTimersByTimeAsync(TEXT_DELIVERY_GAP_MS - 2);
      log.push(delta("c"));
      await drain();
      expect(seen).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(2);
      await drain();
      expect(seen.at(-1)).toEqual(delta("bc"));

      log.push(delta("d"));
      log.push({ type: "finish" });
      log.close();
      await drain();
      expect(seen.slice(3)).toEqual([delta("d"), { type: "finish" }]);
      expect((await (waiting ?? reader.read())).done).toBe(true);
    });

    it("does not hold back a backend slower than the gap", async () => {
      vi.useFakeTimers({ toFake: ["setImmediate", "setTimeout", "performance"] });
      const log = new ChunkLog();
      const seen: UIMessageChunk[] = [];
      const reader = log.subscribe().getReader();
      log.push(delta("a"));
      for (const text of ["b", "c"]) {
        await vi.advanceTimersByTimeAsync(TEXT_DELIVERY_GAP_MS + 5);
        log.push(delta(text));
        await vi.advanceTimersToNextTimerAsync();
      }
      log.close();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        seen.push(value);
      }
      expect(seen).toEqual([delta("a"), delta("b"), delta("c")]);
    });
    it("spaces each answer's deliveries further apart while many answers stream, and back once they end", async () => {
      vi.useFakeTimers({ toFake: ["setImmediate", "setTimeout", "performance"] });
      const others = Array.from({ length: 99 }, () => new ChunkLog());
      for (const other of others) other.push(delta("x"));
      await vi.advanceTimersToNextTimerAsync();
      const log = new ChunkLog();
      const reader = log.subscribe().getReader();
      log.push(delta("a"));
      await vi.advanceTimersToNextTimerAsync();
      expect((await reader.read()).value).toEqual(delta("a"));

      // 100 answers flowing: one delivery per 50 ms each, not per frame.
      log.push(delta("b"));
      let next = reader.read();
      await vi.advanceTimersByTimeAsync(TEXT_DELIVERY_GAP_MS + 2);
      expect(await Promise.race([next, Promise.resolve("nothing yet")])).toBe("nothing yet");
      await vi.advanceTimersByTimeAsync(50 - TEXT_DELIVERY_GAP_MS - 2);
      expect((await next).value).toEqual(delta("b"));

      for (const other of others) other.close();
      await vi.advanceTimersByTimeAsync(50);
      log.push(delta("c"));
      next = reader.read();
      await vi.advanceTimersToNextTimerAsync();
      expect((await next).value).toEqual(delta("c"));
      log.push(delta("d"));
      next = reader.read();
      await vi.advanceTimersByTimeAsync(TEXT_DELIVERY_GAP_MS);
      expect((await next).value).toEqual(delta("d"));
      log.close();
    });
  });
});

describe("textDeliveryGapMs", () => {
  it("is a frame for a few answers, grows with their number beyond, and has a ceiling", () => {
    expect(textDeliveryGapMs(1)).toBe(TEXT_DELIVERY_GAP_MS);
    expect(textDeliveryGapMs(32)).toBe(TEXT_DELIVERY_GAP_MS);
    expect(textDeliveryGapMs(100)).toBe(50);
    expect(textDeliveryGapMs(10_000)).toBe(MAX_TEXT_DELIVERY_GAP_MS);
  });
});
