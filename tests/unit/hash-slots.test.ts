import { describe, expect, it } from "vitest";
import { HASH_CONCURRENCY, HASH_QUEUE, hashSlotLoad, inHashSlot, PasswordHashingBusyError } from "@/lib/auth/hash-slots";

// Issue 16 item 1: a sign-in storm must not queue unbounded scrypt work. At most HASH_CONCURRENCY hashes run, at most
// HASH_QUEUE wait, and the rest are refused at once (the sign-in answers "Busy"), which is what keeps the event loop
// and the thread pool free; bench/sign-in-storm.ts measures /api/health under 200 sign-ins.

describe("hashing slots", () => {
  it("run at most HASH_CONCURRENCY at once, queue HASH_QUEUE, and refuse the rest as busy", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let running = 0;
    let mostAtOnce = 0;
    const work = async () => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await gate;
      running--;
      return "hashed";
    };
    const storm = Array.from({ length: 200 }, () => inHashSlot(work).catch((error: unknown) => error));
    await Promise.resolve();
    expect(hashSlotLoad()).toEqual({ active: HASH_CONCURRENCY, pending: HASH_QUEUE });

    release();
    const outcomes = await Promise.all(storm);
    expect(mostAtOnce).toBe(HASH_CONCURRENCY);
    expect(outcomes.filter((outcome) => outcome === "hashed")).toHaveLength(HASH_CONCURRENCY + HASH_QUEUE);
    const refused = outcomes.filter((outcome) => outcome instanceof PasswordHashingBusyError);
    expect(refused).toHaveLength(200 - HASH_CONCURRENCY - HASH_QUEUE);
    expect(hashSlotLoad()).toEqual({ active: 0, pending: 0 });
  });
});
