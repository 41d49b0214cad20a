import type { UIMessageChunk } from "ai";

/**
 * Every UI message chunk of one answer, kept so that a client that comes back mid-answer gets the whole answer
 * replayed (the AI SDK client rebuilds the message from the replay), then follows live until the end.
 */
export class ChunkLog {
  private readonly chunks: UIMessageChunk[] = [];
  private readonly followers = new Set<ReadableStreamDefaultController<UIMessageChunk>>();
  private closed = false;

  get isClosed(): boolean {
    return this.closed;
  }

  push(chunk: UIMessageChunk): void {
    if (this.closed) return;
    this.chunks.push(chunk);
    for (const follower of this.followers) this.deliver(follower, () => follower.enqueue(chunk));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const follower of this.followers) this.deliver(follower, () => follower.close());
    this.followers.clear();
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
        for (const chunk of compactTextDeltas(this.chunks)) controller.enqueue(chunk);
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
