import pLimit from "p-limit";

// scrypt runs on libuv's small thread pool (4 threads), which file and DNS work share; 200 sign-ins at once queued
// 200 hashes there and the whole server stalled (issue 16). So at most HASH_CONCURRENCY hashes run at once, at most
// HASH_QUEUE wait, and anything beyond is refused at once as busy: a sign-in storm costs two threads, never the process.
export const HASH_CONCURRENCY = 2;
export const HASH_QUEUE = 32;

const limit = pLimit(HASH_CONCURRENCY);

export class PasswordHashingBusyError extends Error {
  constructor() {
    super("too many password checks at once");
    this.name = "PasswordHashingBusyError";
  }
}

/** Runs `work` in a hashing slot, or throws PasswordHashingBusyError when the queue is full. */
export function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (limit.pendingCount >= HASH_QUEUE) return Promise.reject(new PasswordHashingBusyError());
  return limit(work);
}

/** How many hashes run and wait now (for tests and the bench). */
export function hashSlotLoad(): { active: number; pending: number } {
  return { active: limit.activeCount, pending: limit.pendingCount };
}
