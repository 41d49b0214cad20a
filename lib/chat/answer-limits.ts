import "server-only";

// A backend that never stops (a broken stop token, a runaway loop) must not be read forever: the reading goes on
// after the tab is closed, and holds a connection and a generation slot. Two caps, both local to this process:
// - the answer length: the model's maximum output tokens, counted here. A streaming backend sends about one token per
//   event, so the count is the number of text events, or the text's length / 6 when that is more (a backend that sends
//   many tokens per event); both stay near the real token count for normal text. Backends count with their own
//   tokenizer (llama.cpp may send a few more pieces than the max_tokens it was given), so the cap leaves a margin
//   (answerTokenCap): an answer the backend ends by itself at its limit is never cut, a runaway one is.
// - the wall-clock time of the answer (ANSWER_MAX_SECONDS).
// Reaching either aborts the backend call like Stop does; the text so far is kept and the answer is marked
// "stopped at the length limit".

export type LimitReached = "tokens" | "time";

/** Chars per token below which almost no text goes: keeps the local count at or under the real one. */
const MAX_CHARS_PER_TOKEN = 6;

/** The local count past which an answer is cut: the model's maximum plus a margin for tokenizer differences. */
export function answerTokenCap(maxTokens: number): number {
  return Math.ceil(maxTokens * 1.1) + 16;
}

export class AnswerLimits {
  private events = 0;
  private chars = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  reached: LimitReached | null = null;

  private readonly cap: number;

  constructor(
    maxTokens: number,
    maxMs: number,
    private readonly abortController: AbortController,
  ) {
    this.cap = answerTokenCap(maxTokens);
    this.timer = setTimeout(() => this.reach("time"), maxMs);
    this.timer.unref();
  }

  /** Counts one streamed piece of text; aborts the call once the answer is longer than allowed. */
  count(delta: string): void {
    if (this.reached || delta === "") return;
    this.events++;
    this.chars += delta.length;
    if (Math.max(this.events, Math.ceil(this.chars / MAX_CHARS_PER_TOKEN)) > this.cap) this.reach("tokens");
  }

  /** The answer ended: no more time limit. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private reach(limit: LimitReached): void {
    if (this.reached || this.abortController.signal.aborted) return;
    this.reached = limit;
    this.abortController.abort();
  }
}
