import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { getDb } from "./client";

// The RateLimit table is rate-limiter-flexible's Prisma store (key, points, expire): the sign-in and sign-up limits
// live here when no REDIS_URL is set, and behind Redis as its insurance while Redis is unreachable.

type LimiterOptions = Omit<ConstructorParameters<typeof RateLimiterPrisma>[0], "storeClient" | "tableName" | "clearExpiredByTimeout">;

/** A limiter over the RateLimit table of the current database; expired rows are swept by deleteExpiredRateLimits. */
export function databaseRateLimiter(options: LimiterOptions): RateLimiterPrisma {
  return new RateLimiterPrisma({ ...options, storeClient: getDb(), tableName: "rateLimit", clearExpiredByTimeout: false });
}

export async function deleteExpiredRateLimits({ before }: { before: Date }): Promise<number> {
  return (await getDb().rateLimit.deleteMany({ where: { expire: { lt: before } } })).count;
}
