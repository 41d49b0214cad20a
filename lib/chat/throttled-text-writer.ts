/**
 * Saves the text of an answer while it streams, at most once per interval, one write at a time and in order, so a
 * crash loses at most the last interval. The final text is written by whoever finishes the answer.
 */
export class ThrottledTextWriter {
  private pending: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastWriteAt = 0;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly write: (text: string) => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  update(text: string): void {
    if (this.stopped) return;
    this.pending = text;
    if (this.timer) return;
    const wait = Math.max(0, this.lastWriteAt + this.intervalMs - Date.now());
    this.timer = setTimeout(() => this.writePending(), wait);
  }

  /** No more writes; resolves when the one in flight (if any) is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = null;
    await this.chain;
  }

  private writePending(): void {
    this.timer = undefined;
    const text = this.pending;
    this.pending = null;
    if (text === null || this.stopped) return;
    this.lastWriteAt = Date.now();
    this.chain = this.chain.then(() => this.write(text)).catch(this.onError);
  }
}
