import "server-only";
import { getEnv } from "@/lib/env";

/** What a refused client is told to wait before sending again. */
export const OVERLOADED_RETRY_AFTER_MS = 5_000;

export type ReleaseSlot = () => void;

/**
 * Admission control for answers on this instance: at most `maxActive` are written at once; the next ones wait in a
 * short queue, served by arrival, and a full queue or a long wait refuses the answer before anything was stored. An
 * answer that started is never cut for load: overload shows as "busy, try again", not as a failure mid-answer, and
 * the answers that run keep their pace instead of all slowing down together.
 */
export class AnswerAdmission {
  private active = 0;
  private readonly queue: Array<{ grant: (release: ReleaseSlot | null) => void; timer: ReturnType<typeof setTimeout> }> = [];

  constructor(
    readonly maxActive: number,
    readonly maxQueued: number,
    /** How long a new answer may wait for a free slot before it is refused with "busy". */
    private readonly queueWaitMs: number,
  ) {}

  /** A slot (call the release exactly once when the answer is stored), or null: too busy. */
  acquire(): Promise<ReleaseSlot | null> {
    if (this.active < this.maxActive && this.queue.length === 0) return Promise.resolve(this.take());
    if (this.queue.length >= this.maxQueued) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter = {
        grant: resolve,
        timer: setTimeout(() => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          resolve(null);
        }, this.queueWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  get counts(): { active: number; queued: number } {
    return { active: this.active, queued: this.queue.length };
  }

  private take(): ReleaseSlot {
    this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.admitNext();
    };
  }

  private admitNext(): void {
    while (this.active < this.maxActive) {
      const next = this.queue.shift();
      if (!next) return;
      clearTimeout(next.timer);
      next.grant(this.take());
    }
  }
}

const globalForAdmission = globalThis as unknown as { chatAnswerAdmission?: AnswerAdmission };

/** The instance's admission (MAX_CONCURRENT_ANSWERS, MAX_QUEUED_ANSWERS, MAX_QUEUE_WAIT_SECONDS), shared by every route bundle. */
export function answerAdmission(): AnswerAdmission {
  if (!globalForAdmission.chatAnswerAdmission) {
    const env = getEnv();
    globalForAdmission.chatAnswerAdmission = new AnswerAdmission(env.MAX_CONCURRENT_ANSWERS, env.MAX_QUEUED_ANSWERS, env.MAX_QUEUE_WAIT_SECONDS * 1000);
  }
  return globalForAdmission.chatAnswerAdmission;
}

/** Swaps the instance's admission (tests use small limits); returns the one it replaced. */
export function replaceAnswerAdmission(next: AnswerAdmission): AnswerAdmission {
  const previous = answerAdmission();
  globalForAdmission.chatAnswerAdmission = next;
  return previous;
}
