import { type StreamingText, saveStreamingTexts } from "@/lib/db/streaming-texts";
import { errorFields, log } from "@/lib/server/log";

/** The text of one answer as it streams: saved with every other answer's, at most once per interval. */
export interface PartialTextSaver {
  update(text: string): void;
  /** No more saves; resolves when the save in flight (if any) is done, so the final save comes after it. */
  stop(): Promise<void>;
}

type SaveTexts = (texts: readonly StreamingText[]) => Promise<Set<string>>;

interface Pending {
  text: string;
  onStopped: () => void;
}

/**
 * Saves the growing text of every answer this instance streams, all of them in one statement per tick: a crash
 * loses at most the last interval of each, and an answer no longer streaming in the database (a Stop pressed on
 * another instance) is told at the next tick. One write per tick instead of one per answer is what keeps the
 * database and the event loop free under hundreds of simultaneous answers; ticks are serial, so each answer's saves
 * land in order.
 */
export class PartialSaves {
  private pending = new Map<string, Pending>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSaveAt = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly intervalMs: number,
    private readonly save: SaveTexts = saveStreamingTexts,
  ) {}

  /** `onStopped` runs when a save finds the answer no longer streaming. */
  track(messageId: string, onStopped: () => void): PartialTextSaver {
    let stopped = false;
    return {
      update: (text) => {
        if (stopped) return;
        this.pending.set(messageId, { text, onStopped });
        this.schedule();
      },
      stop: async () => {
        stopped = true;
        this.pending.delete(messageId);
        await this.inFlight;
      },
    };
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastSaveAt + this.intervalMs - Date.now());
    this.timer = setTimeout(() => this.saveTick(), wait);
  }

  private saveTick(): void {
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.lastSaveAt = Date.now();
    this.inFlight = this.inFlight.then(() => this.saveBatch(batch));
  }

  private async saveBatch(batch: Map<string, Pending>): Promise<void> {
    try {
      const stillStreaming = await this.save([...batch].map(([messageId, { text }]) => ({ messageId, text })));
      for (const [messageId, { onStopped }] of batch) if (!stillStreaming.has(messageId)) onStopped();
    } catch (error) {
      log.error({ area: "chat", answers: batch.size, ...errorFields(error) }, "could not save partial answers");
    }
  }
}

const byInterval = new Map<number, PartialSaves>();

/** The instance-wide saver for an interval (one in production; tests choose shorter ones). */
export function partialSavesEvery(intervalMs: number): PartialSaves {
  let saves = byInterval.get(intervalMs);
  if (!saves) {
    saves = new PartialSaves(intervalMs);
    byInterval.set(intervalMs, saves);
  }
  return saves;
}
