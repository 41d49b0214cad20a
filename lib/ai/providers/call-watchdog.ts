import { LlmError, type TimeoutPhase } from "../errors";
import type { Timeouts } from "./timeouts";

/** A timer this late means the event loop was busy, so unread answers may be waiting. */
const BUSY_LOOP_LAG_MS = 50;
const BUSY_RECHECK_MS = 100;
const MAX_BUSY_RECHECKS = 5;

/**
 * One per backend call: owns the abort signal given to fetch, fires the connect / first-token / idle timeouts,
 * and tells apart "the user cancelled", "a timeout fired" and "the network failed".
 */
export class CallWatchdog {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private recheck: ReturnType<typeof setImmediate> | undefined;
  /** Counts arm/disarm calls, so a check queued for an earlier phase does nothing. */
  private armings = 0;
  private sawToken = false;
  /** The armed phase, its length, and when it fires unless data moves it on. */
  private phase: TimeoutPhase | undefined;
  private phaseMs = 0;
  private deadline = 0;

  constructor(
    private readonly provider: string,
    private readonly timeouts: Timeouts,
    private readonly userSignal?: AbortSignal,
  ) {
    this.signal = userSignal ? AbortSignal.any([userSignal, this.controller.signal]) : this.controller.signal;
  }

  /** Waiting for the HTTP status. `nonStreaming` backends send it with the whole answer. */
  startConnect(nonStreaming = false): void {
    const ms = nonStreaming ? Math.max(this.timeouts.connectMs, this.timeouts.firstTokenMs) : this.timeouts.connectMs;
    this.arm("connect", ms);
  }

  /** The status arrived; now waiting for the first token. */
  responseStarted(): void {
    this.arm("first-token", this.timeouts.firstTokenMs);
  }

  /** A data event arrived (not a keep-alive). Before the first token it does not stop the first-token clock. */
  activity(): void {
    if (this.sawToken) this.arm("idle", this.timeouts.idleMs);
  }

  /**
   * Output that is not answer text yet (an Ollama thinking model's `message.thinking` chunks, possibly for minutes):
   * the backend is working, so the first-token clock starts over instead of firing.
   */
  progress(): void {
    this.arm(this.sawToken ? "idle" : "first-token", this.sawToken ? this.timeouts.idleMs : this.timeouts.firstTokenMs);
  }

  token(): void {
    this.sawToken = true;
    this.arm("idle", this.timeouts.idleMs);
  }

  /** Closes the upstream request (cancel, or early end of reading). */
  abort(reason?: unknown): void {
    this.disarm();
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  dispose(): void {
    this.disarm();
  }

  get userAborted(): boolean {
    return this.userSignal?.aborted === true;
  }

  /** The error to surface for `error` thrown by fetch or a body read. */
  explain(error: unknown): unknown {
    if (this.userSignal?.aborted) return this.userSignal.reason ?? error;
    const reason: unknown = this.controller.signal.reason;
    if (this.controller.signal.aborted && LlmError.isInstance(reason)) return reason;
    return error;
  }

  private arm(phase: TimeoutPhase, ms: number): void {
    const deadline = performance.now() + ms;
    // Every token moves the idle deadline: while a timer for this phase runs, only the deadline moves (the timer
    // waits for the rest when it runs early). A timer set and cleared per token cost a share of the CPU at 500 answers.
    if (this.timer !== undefined && this.phase === phase && this.phaseMs === ms) {
      this.deadline = deadline;
      return;
    }
    this.disarm();
    this.phase = phase;
    this.phaseMs = ms;
    this.deadline = deadline;
    const armed = this.armings;
    // A timer says only that time passed, not that the backend was slow: on a busy event loop the answer may be
    // waiting in the socket, unread, when the timer runs (timers run before I/O in each turn of the loop). So the
    // sockets are read first (setImmediate runs after that I/O phase), and a timer that ran late (the loop was
    // busy) is given another short turn, a few times at most, before the backend is blamed.
    let rechecks = 0;
    const wait = (delayMs: number) => {
      const dueAt = performance.now() + delayMs;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        const lateMs = performance.now() - dueAt;
        this.recheck = setImmediate(() => {
          this.recheck = undefined;
          if (armed !== this.armings) return;
          const left = this.deadline - performance.now();
          // Data arrived since the timer was set (or since the last recheck): the clock runs on from there.
          if (left > 0) {
            rechecks = 0;
            return wait(left);
          }
          if (lateMs > BUSY_LOOP_LAG_MS && rechecks < MAX_BUSY_RECHECKS) {
            rechecks += 1;
            return wait(Math.min(ms, BUSY_RECHECK_MS));
          }
          this.controller.abort(
            new LlmError({
              code: "timeout",
              provider: this.provider,
              timeoutPhase: phase,
              adminMessage: `no ${phase === "connect" ? "response" : phase === "first-token" ? "first token" : "data"} within ${ms} ms (${phase} timeout)`,
            }),
          );
        });
      }, delayMs);
    };
    wait(ms);
  }

  private disarm(): void {
    this.armings += 1;
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.recheck !== undefined) clearImmediate(this.recheck);
    this.timer = undefined;
    this.recheck = undefined;
  }
}
