import type { UIMessageChunk } from "ai";

/** One frame at 60 Hz: a browser shows no more updates than that. */
export const TEXT_DELIVERY_GAP_MS = 16;
/**
 * Text deliveries per second this instance makes in all, shared by the answers whose text is flowing: up to 32 of
 * them each get a delivery per frame; beyond, each one's gap grows with their number (50 ms at 100 answers), up to
 * MAX_TEXT_DELIVERY_GAP_MS. Each delivery costs a trip through the response stream and a socket write (a system call
 * that, at 500 simultaneous answers, cost more than the rest of the delivery), so under load fewer, larger
 * deliveries leave the CPU for answers instead of for writes; a reader sees text arrive 20 times a second instead of 60.
 */
const TEXT_DELIVERIES_PER_SECOND = 2_000;
export const MAX_TEXT_DELIVERY_GAP_MS = 100;

/** Answers whose text is flowing, on this instance. */
let flowingAnswers = 0;

/** The gap between two text deliveries of one answer while `flowing` answers stream. */
export function textDeliveryGapMs(flowing: number): number {
  return Math.min(MAX_TEXT_DELIVERY_GAP_MS, Math.max(TEXT_DELIVERY_GAP_MS, (flowing * 1000) / TEXT_DELIVERIES_PER_SECOND));
}

/**
 * Every UI message chunk of one answer, kept so that a client that comes back mid-answer gets the whole answer
 * replayed (the AI SDK client rebuilds the message from the replay), then follows live until the end.
 *
 * Live chunks reach followers in deliveries, with the text deltas of a delivery joined: at most one delivery per
 * event-loop turn (setImmediate), and once text flows at most one per gap (textDeliveryGapMs). Under hundreds of answers a
 * backend's tokens arrive in bursts, and each event costs the response stream, the SSE encoding and a socket write
 * (a sixth of the CPU at 500 answers went to those writes): one event per burst, or per frame of a fast backend,
 * instead of one per token. Nothing a user notices waits: the first text goes out at once, the end (finish, error
 * or stop) sends what waits at once, and a backend slower than one token per gap still streams token by token.
 */
export class ChunkLog {
  private readonly chunks: UIMessageChunk[] = [];
  /** Pushed since the last delivery: at the end of `chunks`, not yet sent to the followers. */
  private unsent = 0;
  private deliveryScheduled = false;
  /** A text delta went out: the next ones wait for the gap. */
  private textFlowing = false;
  private lastDeliveryAt = 0;
  private readonly followers = new Set<ReadableStreamDefaultController<UIMessageChunk>>();
  private closed = false;

  get isClosed(): boolean {
    return this.closed;
  }

  push(chunk: UIMessageChunk): void {
    if (this.closed) return;
    this.chunks.push(chunk);
    this.unsent += 1;
    if (this.deliveryScheduled) return;
    this.deliveryScheduled = true;
    const wait = this.textFlowing && chunk.type === "text-delta" ? this.lastDeliveryAt + textDeliveryGapMs(flowingAnswers) - performance.now() : 0;
    if (wait > 0) setTimeout(() => this.deliverUnsent(), wait);
    else setImmediate(() => this.deliverUnsent());
  }

  close(): void {
    if (this.closed) return;
    this.deliverUnsent();
    this.closed = true;
    if (this.textFlowing) flowingAnswers -= 1;
    for (const follower of this.followers) this.deliver(follower, () => follower.close());
    this.followers.clear();
  }

  private deliverUnsent(): void {
    this.deliveryScheduled = false;
    if (this.unsent === 0 || this.closed) return;
    const batch = compactTextDeltas(this.chunks.slice(this.chunks.length - this.unsent));
    this.unsent = 0;
    this.lastDeliveryAt = performance.now();
    if (!this.textFlowing && batch.some((chunk) => chunk.type === "text-delta")) {
      this.textFlowing = true;
      flowingAnswers += 1;
    }
    for (const follower of this.followers) this.deliver(follower, () => batch.forEach((chunk) => follower.enqueue(chunk)));
  }

  /** A reader that went away without cancelling (its stream errored) must not break the answer for the others. */
  private deliver(follower: ReadableStreamDefaultController<UIMessageChunk>, action: () => void): void {
    try {
      action();
    } catch {
      this.followers.delete(follower);
    }
  }

  /** The chunks so far, then the live ones. Cancelling the stream (a client leaving) only stops this reader. */
  subscribe(): ReadableStream<UIMessageChunk> {
    let self: ReadableStreamDefaultController<UIMessageChunk> | undefined;
    return new ReadableStream<UIMessageChunk>({
      start: (controller) => {
        // What was already delivered; the unsent rest comes with the next delivery, as for every follower.
        for (const chunk of compactTextDeltas(this.chunks.slice(0, this.chunks.length - this.unsent))) controller.enqueue(chunk);
        if (this.closed) {
          controller.close();
          return;
        }
        self = controller;
        this.followers.add(controller);
      },
      cancel: () => {
        if (self) this.followers.delete(self);
      },
    });
  }
}

/** A replay needs no token drip: consecutive deltas of one text part are sent as one. */
export function compactTextDeltas(chunks: readonly UIMessageChunk[]): UIMessageChunk[] {
  const result: UIMessageChunk[] = [];
  for (const chunk of chunks) {
    const previous = result[result.length - 1];
    if (chunk.type === "text-delta" && previous?.type === "text-delta" && previous.id === chunk.id) {
      result[result.length - 1] = { ...previous, delta: previous.delta + chunk.delta };
    } else {
      result.push(chunk);
    }
  }
  return result;
}
