import type { UIMessageChunk } from "ai";

// The AI SDK's UI message stream protocol headers (as `createUIMessageStreamResponse` sends them), which useChat checks.
export const UI_MESSAGE_STREAM_HEADERS = {
  "content-type": "text/event-stream",
  "cache-control": "no-cache",
  connection: "keep-alive",
  "x-vercel-ai-ui-message-stream": "v1",
  "x-accel-buffering": "no",
} as const;

const encoder = new TextEncoder();
// The SDK's comments, byte for byte: one when the stream opens, one after each idle keep-alive period.
const STREAM_OPEN = encoder.encode(": stream-open\n\n");
const KEEP_ALIVE = encoder.encode(": keep-alive\n\n");
const NOT_READY = Symbol("not ready");
// Settled already: raced after a read, it wins only if the read had nothing to give at once.
const notReady = Promise.resolve(NOT_READY);

/**
 * The bytes `createUIMessageStreamResponse` sends (`data: <json>` per chunk, `data: [DONE]` at the end, keep-alive
 * comments while idle) from one stream. The SDK passes every chunk through four stream stages (the source, JSON to
 * SSE, keep-alive, TextEncoderStream) and clears and sets a timer per chunk, which showed in the CPU profile at 500
 * answers (README: Load). Here one timer per stream waits until `keepAliveMs` after the last write, and the chunks
 * the source already holds go out as one write.
 */
export function uiMessageSseStream(source: ReadableStream<UIMessageChunk>, keepAliveMs: number): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let lastWrite = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  // A read issued to look for more ready chunks that had nothing yet: the next pull waits for it.
  let pending: Promise<ReadableStreamReadResult<UIMessageChunk>> | undefined;
  const stop = () => {
    ended = true;
    clearTimeout(timer);
  };
  const wait = (controller: ReadableStreamDefaultController<Uint8Array>, ms: number) => {
    timer = setTimeout(() => {
      if (ended) return;
      const left = lastWrite + keepAliveMs - performance.now();
      if (left > 0) return wait(controller, left); // written since: wait for the rest
      // As the SDK: only when the reader has room (a comment queued behind unread data says nothing).
      if ((controller.desiredSize ?? 0) > 0) controller.enqueue(KEEP_ALIVE);
      lastWrite = performance.now();
      wait(controller, keepAliveMs);
    }, ms);
    timer.unref?.(); // a stream nobody reads must not keep the process alive
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(STREAM_OPEN);
      wait(controller, keepAliveMs);
    },
    async pull(controller) {
      let text = "";
      let result: ReadableStreamReadResult<UIMessageChunk> | typeof NOT_READY;
      try {
        const next = pending ?? reader.read();
        pending = undefined;
        result = await next;
        // Take what the source holds already (a read of a queued chunk is settled at once), never wait for more.
        while (!ended && !result.done) {
          text += `data: ${JSON.stringify(result.value)}\n\n`;
          pending = reader.read();
          try {
            result = await Promise.race([pending, notReady]);
          } catch {
            result = NOT_READY; // the source failed after these chunks: send them, the next pull fails
          }
          if (result === NOT_READY) break;
          pending = undefined;
        }
      } catch (error) {
        stop();
        throw error; // the response stream errors, as with the SDK
      }
      if (ended) return; // cancelled meanwhile
      if (result !== NOT_READY) {
        stop();
        text += "data: [DONE]\n\n";
      }
      controller.enqueue(encoder.encode(text));
      lastWrite = performance.now();
      if (result !== NOT_READY) controller.close();
    },
    cancel(reason) {
      stop();
      return reader.cancel(reason); // a client leaving reaches the source (a chunk log's follower is removed)
    },
  });
}
