import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { AnswerAdmission } from "@/lib/chat/admission";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

it("admits up to the limit at once, then serves the queue by arrival as slots free up", async () => {
  const admission = new AnswerAdmission(2, 3, 10_000);
  const first = await admission.acquire();
  const second = await admission.acquire();
  const order: string[] = [];
  const third = admission.acquire().then((release) => (order.push("third"), release));
  const fourth = admission.acquire().then((release) => (order.push("fourth"), release));
  expect(admission.counts).toEqual({ active: 2, queued: 2 });

  first?.();
  const thirdRelease = await third;
  expect(order).toEqual(["third"]);
  second?.();
  await fourth;
  expect(order).toEqual(["third", "fourth"]);
  expect(admission.counts).toEqual({ active: 2, queued: 0 });

  // Releasing twice frees one slot only.
  thirdRelease?.();
  thirdRelease?.();
  expect(admission.counts).toEqual({ active: 1, queued: 0 });
});

it("refuses at once when the queue is full", async () => {
  const admission = new AnswerAdmission(1, 1, 10_000);
  await admission.acquire();
  void admission.acquire();
  expect(await admission.acquire()).toBeNull();
});

it("refuses a waiter after the queue wait, and a newcomer does not jump the queue", async () => {
  const admission = new AnswerAdmission(1, 5, 1_000);
  const running = await admission.acquire();
  const waiting = admission.acquire();
  vi.advanceTimersByTime(1_000);
  expect(await waiting).toBeNull();
  expect(admission.counts).toEqual({ active: 1, queued: 0 });

  const early = admission.acquire();
  running?.();
  expect(await early).toBeTypeOf("function");
});
