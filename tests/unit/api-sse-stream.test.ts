import { createUIMessageStreamResponse, type UIMessageChunk } from "ai";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chatStreamResponse } from "@/lib/api/responses";

// The answer's event stream is encoded by our own single stream instead of the AI SDK's createUIMessageStreamResponse
// (README: Load): the same bytes and headers useChat reads, the same keep-alive comments, and a client leaving or a
// source failing reaches the other side as before.

const CHUNKS: UIMessageChunk[] = [
  { type: "start", messageId: "m1" },
  { type: "text-start", id: "t" },
  { type: "text-delta", id: "t", delta: 'Grüße "quoted" \\ 🙂\nline' },
  { type: "text-delta", id: "t", delta: "\u2028 and more" },
  { type: "text-end", id: "t" },
  { type: "finish", finishReason: "stop" },
];

/** A source that hands out its chunks one read at a time (as a backend's tokens arrive), then ends. */
function dripping(chunks: UIMessageChunk[]): ReadableStream<UIMessageChunk> {
  let next = 0;
  return new ReadableStream({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (next < chunks.length) controller.enqueue(chunks[next++]!);
      else controller.close();
    },
  });
}

/** A source that holds all its chunks at once (a delivery of several chunks), then ends. */
function holding(chunks: UIMessageChunk[]): ReadableStream<UIMessageChunk> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/** What a client reads from `body`, as the text of each read, collected while the test moves the clock. */
function collect(body: ReadableStream<Uint8Array>) {
  const reads: string[] = [];
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      reads.push(decoder.decode(value, { stream: true }));
    }
  })();
  return { reads, reader, ended, text: () => reads.join("") };
}

const KEEP_ALIVE = ": keep-alive\n\n";
const keepAlives = (text: string) => text.split(KEEP_ALIVE).length - 1;

afterEach(() => {
  vi.useRealTimers();
});

describe("chatStreamResponse", () => {
  it("sends the AI SDK's bytes and headers", async () => {
    for (const source of [dripping, holding]) {
      const ours = chatStreamResponse(source(CHUNKS));
      const sdk = createUIMessageStreamResponse({
        stream: source(CHUNKS),
        headers: { "Cache-Control": "private, no-store, no-transform" },
        keepAliveMs: 15_000,
      });
      const [ourBytes, sdkBytes] = await Promise.all([ours.arrayBuffer(), sdk.arrayBuffer()]);
      expect(new TextDecoder().decode(ourBytes)).toBe(new TextDecoder().decode(sdkBytes));
      expect(Buffer.from(ourBytes).equals(Buffer.from(sdkBytes))).toBe(true);
      expect([...ours.headers]).toEqual([...sdk.headers]);
      expect(ours.status).toBe(sdk.status);
    }
    expect(Object.fromEntries(chatStreamResponse(holding([])).headers)).toEqual({
      "cache-control": "private, no-store, no-transform",
      connection: "keep-alive",
      "content-type": "text/event-stream",
      "x-accel-buffering": "no",
      "x-vercel-ai-ui-message-stream": "v1",
    });
    expect(await chatStreamResponse(holding([])).text()).toBe(": stream-open\n\ndata: [DONE]\n\n");
  });

  it("sends the chunks a source holds already in one write, without waiting for more", async () => {
    const client = collect(chatStreamResponse(holding(CHUNKS.slice(0, 3))).body!);
    await client.ended;
    expect(client.reads).toEqual([
      ": stream-open\n\n",
      CHUNKS.slice(0, 3)
        .map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`)
        .join("") + "data: [DONE]\n\n",
    ]);

    // A source that has one chunk now and the next later: the first is not held back for it.
    let source!: ReadableStreamDefaultController<UIMessageChunk>;
    const live = collect(chatStreamResponse(new ReadableStream({ start: (controller) => void (source = controller) })).body!);
    source.enqueue(CHUNKS[0]!);
    await vi.waitFor(() => expect(live.text()).toBe(`: stream-open\n\ndata: ${JSON.stringify(CHUNKS[0])}\n\n`));
    source.enqueue(CHUNKS[1]!);
    source.close();
    await live.ended;
    expect(live.text()).toBe(`: stream-open\n\ndata: ${JSON.stringify(CHUNKS[0])}\n\ndata: ${JSON.stringify(CHUNKS[1])}\n\ndata: [DONE]\n\n`);
  });

  it("sends a keep-alive comment after each 15 s without a write, and none while chunks flow", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    let source!: ReadableStreamDefaultController<UIMessageChunk>;
    const client = collect(chatStreamResponse(new ReadableStream({ start: (controller) => void (source = controller) })).body!);

    await vi.advanceTimersByTimeAsync(14_999);
    expect(keepAlives(client.text())).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(keepAlives(client.text())).toBe(1);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(keepAlives(client.text())).toBe(2);

    // A chunk every 5 s for 40 s: never 15 s without a write.
    for (let second = 5; second <= 40; second += 5) {
      await vi.advanceTimersByTimeAsync(5_000);
      source.enqueue({ type: "text-delta", id: "t", delta: `${second}` });
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(keepAlives(client.text())).toBe(2);
    expect(client.text().endsWith(`data: ${JSON.stringify({ type: "text-delta", id: "t", delta: "40" })}\n\n`)).toBe(true);

    // Then silence again: the next comment 15 s after the last chunk, not earlier.
    await vi.advanceTimersByTimeAsync(14_999);
    expect(keepAlives(client.text())).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(keepAlives(client.text())).toBe(3);

    source.close();
    await client.ended;
    expect(client.text().endsWith(`${KEEP_ALIVE}data: [DONE]\n\n`)).toBe(true);
    expect(vi.getTimerCount()).toBe(0); // no timer left behind by a finished stream
  });

  it("sets no timer per chunk", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    let source!: ReadableStreamDefaultController<UIMessageChunk>;
    const client = collect(chatStreamResponse(new ReadableStream({ start: (controller) => void (source = controller) })).body!);
    const setTimeoutSpy = vi.spyOn(globalThis, "setTimeout");
    const clearTimeoutSpy = vi.spyOn(globalThis, "clearTimeout");
    for (let i = 0; i < 100; i++) {
      source.enqueue({ type: "text-delta", id: "t", delta: `${i} ` });
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(keepAlives(client.text())).toBe(0);
    expect(client.text()).toContain('"delta":"99 "');
    expect(setTimeoutSpy.mock.calls.length + clearTimeoutSpy.mock.calls.length).toBe(0);
    source.close();
    await client.ended;
  });

  it("cancels the source when the client goes away, and leaves no timer", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const cancel = vi.fn();
    const response = chatStreamResponse(
      new ReadableStream<UIMessageChunk>({
        start: (controller) => controller.enqueue(CHUNKS[0]!),
        cancel,
      }),
    );
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes('"start"')) text += decoder.decode((await reader.read()).value);
    await reader.cancel("tab closed");
    // Already when the client's cancel has settled (through the SDK's stacked streams it arrived a few ms later).
    expect(cancel).toHaveBeenCalledWith("tab closed");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("errors the response when the source fails, and leaves no timer", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const failure = new Error("backend went away");
    let source!: ReadableStreamDefaultController<UIMessageChunk>;
    const client = collect(chatStreamResponse(new ReadableStream({ start: (controller) => void (source = controller) })).body!);
    source.enqueue(CHUNKS[0]!);
    await vi.advanceTimersByTimeAsync(0);
    source.error(failure);
    await expect(client.ended).rejects.toBe(failure);
    expect(client.text()).toContain('"start"');
    expect(vi.getTimerCount()).toBe(0);
  });
});
