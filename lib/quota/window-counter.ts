import "server-only";
import type Redis from "ioredis";
import { addToRateCounter, deleteExpiredRateCounters, incrementRateCounter } from "@/lib/db/rate-counters";
import { getEnv } from "@/lib/env";
import { errorFields, log } from "@/lib/server/log";
import { quotaClock } from "./clock";
import { MINUTE_MS } from "./periods";
import { redisClient } from "./redis-client";

/** Counts events in fixed windows shared by every app instance. */
export interface WindowCounter {
  /** Adds one to `key` (which names its window) and returns the count so far; the key lives until `expiresAt`. */
  increment(key: string, expiresAt: Date): Promise<number>;
  /** Adds `amount` to a counter that exists (just incremented) and returns the new count. */
  add(key: string, amount: number, expiresAt: Date): Promise<number>;
}

let lastCleanupAt = 0;

/** Counters in the RateCounter table; expired rows are swept at most once a minute per instance. */
export function databaseCounter(): WindowCounter {
  return {
    async increment(key, expiresAt) {
      const count = await incrementRateCounter({ key, expiresAt });
      const now = quotaClock.now().getTime();
      if (now - lastCleanupAt > MINUTE_MS) {
        lastCleanupAt = now;
        // A minute of grace: another instance whose clock runs behind may still be counting in that window.
        await deleteExpiredRateCounters({ now: new Date(now - MINUTE_MS) });
      }
      return count;
    },
    async add(key, amount, expiresAt) {
      return (await addToRateCounter({ key, amount })) ?? incrementRateCounter({ key, expiresAt });
    },
  };
}

/**
 * INCR and PEXPIRE in one MULTI: atomic, and the key disappears on its own after its window. The time to live is
 * relative (plus a minute of grace), so a Redis clock that differs from ours cannot drop a window early.
 */
export function redisCounter(client: Redis, prefix = "chat:quota:"): WindowCounter {
  return {
    async increment(key, expiresAt) {
      const ttlMs = Math.max(0, expiresAt.getTime() - quotaClock.now().getTime()) + MINUTE_MS;
      const results = await client.multi().incr(`${prefix}${key}`).pexpire(`${prefix}${key}`, ttlMs).exec();
      const [error, count] = results?.[0] ?? [new Error("empty MULTI reply"), null];
      if (error) throw error;
      return Number(count);
    },
    async add(key, amount, expiresAt) {
      const ttlMs = Math.max(0, expiresAt.getTime() - quotaClock.now().getTime()) + MINUTE_MS;
      const results = await client.multi().incrby(`${prefix}${key}`, amount).pexpire(`${prefix}${key}`, ttlMs).exec();
      const [error, count] = results?.[0] ?? [new Error("empty MULTI reply"), null];
      if (error) throw error;
      return Number(count);
    },
  };
}

let warnedAt = 0;

/** Redis first; while it is unreachable the database counts (logged at most once a minute), so limits still hold. */
function redisWithDatabaseFallback(client: Redis): WindowCounter {
  const redis = redisCounter(client);
  const database = databaseCounter();
  return {
    async increment(key, expiresAt) {
      try {
        return await redis.increment(key, expiresAt);
      } catch (error) {
        if (Date.now() - warnedAt > MINUTE_MS) {
          warnedAt = Date.now();
          log.warn({ area: "quota", ...errorFields(error) }, "Redis unavailable, counting in the database");
        }
        return database.increment(key, expiresAt);
      }
    },
    async add(key, amount, expiresAt) {
      try {
        return await redis.add(key, amount, expiresAt);
      } catch {
        return database.add(key, amount, expiresAt);
      }
    },
  };
}

/** The configured counter: Redis when REDIS_URL is set, else the database. */
export function configuredCounter(): WindowCounter {
  const url = getEnv().REDIS_URL;
  return url ? redisWithDatabaseFallback(redisClient(url)) : databaseCounter();
}
