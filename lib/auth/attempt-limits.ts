import "server-only";
import { type RateLimiterAbstract, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { databaseRateLimiter, deleteExpiredRateLimits } from "@/lib/db/rate-limits";
import { type Env, getEnv } from "@/lib/env";
import { redisClient } from "@/lib/quota/redis-client";

// Brute-force protection for local sign-in and sign-up (issue 16), with rate-limiter-flexible: in Redis when
// REDIS_URL is set (the database takes over while Redis is unreachable), else in the database, so the limits hold
// across instances either way.
//
// Sign-in, per account (the normalised email, whether or not an account has it, so the limits tell nothing about
// which emails exist):
//   - from the 3rd failure in a row, the next attempt must wait 2 s, then 4, 8, 16 ... (at most a minute);
//   - SIGN_IN_MAX_FAILURES failures within SIGN_IN_LOCKOUT_MINUTES lock the account's password sign-in for
//     SIGN_IN_LOCKOUT_MINUTES; a successful sign-in clears the count.
// Sign-in, per client address: ten times the account limit in failures over the same window locks that address.
// Sign-up: SIGN_UPS_PER_ADDRESS_PER_HOUR per client address, and three an hour per email.
// A lockout does not stop SSO sign-in, and an admin can still set a new password.

const DELAY_FROM_FAILURE = 3;
const MAX_DELAY_SECONDS = 60;
const ADDRESS_FACTOR = 10;
const SIGN_UPS_PER_EMAIL_PER_HOUR = 3;
const HOUR_SECONDS = 3600;
const SWEEP_INTERVAL_MS = 60_000;

type LimiterOptions = { keyPrefix: string; points: number; duration: number; blockDuration?: number };

function limiter(options: LimiterOptions, env: Env): RateLimiterAbstract {
  const database = databaseRateLimiter(options);
  if (!env.REDIS_URL) return database;
  return new RateLimiterRedis({ ...options, keyPrefix: `chat:${options.keyPrefix}`, storeClient: redisClient(env.REDIS_URL), insuranceLimiter: database });
}

function signInLimiters(env: Env) {
  const lockoutSeconds = env.SIGN_IN_LOCKOUT_MINUTES * 60;
  return {
    // consume() rejects (and starts the block) at the failure that goes past `points`.
    accountFailures: limiter(
      { keyPrefix: "signin-fail-account", points: env.SIGN_IN_MAX_FAILURES - 1, duration: lockoutSeconds, blockDuration: lockoutSeconds },
      env,
    ),
    accountPause: limiter({ keyPrefix: "signin-pause-account", points: 1, duration: 1 }, env),
    addressFailures: limiter(
      { keyPrefix: "signin-fail-address", points: env.SIGN_IN_MAX_FAILURES * ADDRESS_FACTOR - 1, duration: lockoutSeconds, blockDuration: lockoutSeconds },
      env,
    ),
  };
}

let lastSweepAt = 0;

/** Rows of finished windows and lockouts are swept from the database at most once a minute per instance. */
async function sweepExpired(): Promise<void> {
  if (Date.now() - lastSweepAt < SWEEP_INTERVAL_MS) return;
  lastSweepAt = Date.now();
  await deleteExpiredRateLimits({ before: new Date(Date.now() - SWEEP_INTERVAL_MS) });
}

/** Seconds until `limiter` lets `key` in again, or 0 when it does now. */
async function blockedSeconds(limiter: RateLimiterAbstract, key: string): Promise<number> {
  const state = await limiter.get(key);
  return state && state.consumedPoints > limiter.points ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : 0;
}

/** A rejected consume() is a RateLimiterRes (over the limit) or an Error (the store failed: rethrown). */
async function consumeOne(limiter: RateLimiterAbstract, key: string): Promise<{ count: number; blocked: boolean }> {
  try {
    const result = await limiter.consume(key);
    return { count: result.consumedPoints, blocked: false };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { count: rejection.consumedPoints, blocked: true };
    throw rejection;
  }
}

export type AttemptKeys = { email: string; ipAddress: string | null };

/** Seconds the caller must wait before another password sign-in for this account or from this address; 0: go ahead. */
export async function signInWaitSeconds({ email, ipAddress }: AttemptKeys, env: Env = getEnv()): Promise<number> {
  const limits = signInLimiters(env);
  const waits = await Promise.all([
    blockedSeconds(limits.accountFailures, email),
    blockedSeconds(limits.accountPause, email),
    ipAddress ? blockedSeconds(limits.addressFailures, ipAddress) : 0,
  ]);
  return Math.max(...waits);
}

export type FailureOutcome = { lockedOut: ("account" | "address")[]; lockoutMinutes: number };

/** Counts a failed password sign-in; says which lockouts it started (each is started once, by the failure that crosses the limit). */
export async function recordSignInFailure({ email, ipAddress }: AttemptKeys, env: Env = getEnv()): Promise<FailureOutcome> {
  const limits = signInLimiters(env);
  const [account, address] = await Promise.all([consumeOne(limits.accountFailures, email), ipAddress ? consumeOne(limits.addressFailures, ipAddress) : null]);
  const lockedOut: FailureOutcome["lockedOut"] = [];
  if (account.blocked && account.count === limits.accountFailures.points + 1) lockedOut.push("account");
  if (address?.blocked && address.count === limits.addressFailures.points + 1) lockedOut.push("address");
  if (!account.blocked && account.count >= DELAY_FROM_FAILURE) {
    await limits.accountPause.block(email, Math.min(MAX_DELAY_SECONDS, 2 ** (account.count - DELAY_FROM_FAILURE + 1)));
  }
  await sweepExpired();
  return { lockedOut, lockoutMinutes: env.SIGN_IN_LOCKOUT_MINUTES };
}

/** A successful sign-in starts the account's count afresh (the address keeps its count: one success hides no spray). */
export async function clearSignInFailures({ email }: { email: string }, env: Env = getEnv()): Promise<void> {
  const limits = signInLimiters(env);
  await Promise.all([limits.accountFailures.delete(email), limits.accountPause.delete(email)]);
}

/** Counts a sign-up attempt; the seconds to wait when this one is over the limit, else 0. */
export async function consumeSignUpAttempt({ email, ipAddress }: AttemptKeys, env: Env = getEnv()): Promise<number> {
  const byEmail = limiter({ keyPrefix: "signup-email", points: SIGN_UPS_PER_EMAIL_PER_HOUR, duration: HOUR_SECONDS }, env);
  const byAddress = limiter({ keyPrefix: "signup-address", points: env.SIGN_UPS_PER_ADDRESS_PER_HOUR, duration: HOUR_SECONDS }, env);
  const results = await Promise.all([consumeWait(byEmail, email), ipAddress ? consumeWait(byAddress, ipAddress) : 0]);
  await sweepExpired();
  return Math.max(...results);
}

async function consumeWait(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
