import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";

// Anyone can send /v1 a made-up key, and each costs a database lookup. After this many failures in a minute from one
// address, requests from it are answered 429 without looking. Per instance (in memory): a coarse brake on load, not
// a defence of the keys themselves (they have 256 random bits; guessing is hopeless).
export const FAILED_AUTH_PER_MINUTE = 30;

const failures = new RateLimiterMemory({ keyPrefix: "v1-auth", points: FAILED_AUTH_PER_MINUTE, duration: 60 });

/** Milliseconds until this address may try again, or null when it may now. */
export async function failedAuthWaitMs(address: string): Promise<number | null> {
  const state = await failures.get(address);
  return state && state.consumedPoints >= FAILED_AUTH_PER_MINUTE ? state.msBeforeNext : null;
}

export async function recordFailedAuth(address: string): Promise<void> {
  await failures.penalty(address, 1);
}
