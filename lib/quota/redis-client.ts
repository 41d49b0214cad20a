import "server-only";
import Redis from "ioredis";

const globalForRedis = globalThis as unknown as { quotaRedis?: Map<string, Redis> };

/** One connection per URL and process; commands fail fast instead of queueing while Redis is down. */
export function redisClient(url: string): Redis {
  globalForRedis.quotaRedis ??= new Map();
  let client = globalForRedis.quotaRedis.get(url);
  if (!client) {
    client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, lazyConnect: false });
    // Without a listener ioredis prints every reconnect error; the counter reports failures where they matter.
    client.on("error", () => undefined);
    globalForRedis.quotaRedis.set(url, client);
  }
  return client;
}
