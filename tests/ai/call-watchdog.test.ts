import { afterEach, expect, it, vi } from "vitest";
import { LlmError } from "@/lib/ai/errors";
import { CallWatchdog } from "@/lib/ai/providers/call-watchdog";

// The idle clock runs from the latest token: tokens closer together than the idle timeout keep a long answer alive,
// however long it takes in all, and a stall after them fires it once the timeout has passed since the last one.

const TIMEOUTS = { connectMs: 1_000, firstTokenMs: 1_000, idleMs: 100, overloadedRetryMs: [] };

afterEach(() => {
  vi.useRealTimers();
});

function timeoutPhase(watchdog: CallWatchdog): string | undefined {
  const reason: unknown = watchdog.signal.reason;
  return watchdog.signal.aborted && LlmError.isInstance(reason) ? reason.timeoutPhase : undefined;
}

it("keeps a steady stream alive past many idle timeouts, then fires one idle timeout after the last token", async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "clearImmediate", "performance"] });
  const watchdog = new CallWatchdog("test", TIMEOUTS);
  watchdog.startConnect();
  watchdog.responseStarted();
  for (let token = 0; token < 20; token++) {
    await vi.advanceTimersByTimeAsync(60);
    watchdog.token();
  }
  expect(watchdog.signal.aborted).toBe(false);

  await vi.advanceTimersByTimeAsync(95);
  expect(watchdog.signal.aborted).toBe(false);
  await vi.advanceTimersByTimeAsync(10);
  expect(timeoutPhase(watchdog)).toBe("idle");
});

it("starts the clock again for a new phase", async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "clearImmediate", "performance"] });
  const watchdog = new CallWatchdog("test", TIMEOUTS);
  watchdog.startConnect();
  await vi.advanceTimersByTimeAsync(900);
  watchdog.responseStarted();
  await vi.advanceTimersByTimeAsync(900);
  expect(watchdog.signal.aborted).toBe(false);
  await vi.advanceTimersByTimeAsync(110);
  expect(timeoutPhase(watchdog)).toBe("first-token");
  watchdog.dispose();
});
