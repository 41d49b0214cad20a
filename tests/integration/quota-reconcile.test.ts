import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getOrCreateConversation } from "@/lib/db/conversations";
import { createAssistantMessage } from "@/lib/db/messages";
import { saveQuota } from "@/lib/db/quotas";
import { createUser } from "@/lib/db/users";
import { saveModel } from "@/lib/models/save-model";
import { checkChatQuota } from "@/lib/quota/check-chat-quota";
import { databaseCounter, redisCounter, type WindowCounter } from "@/lib/quota/window-counter";
import { testProvider, useTestDatabase } from "../support/database";

// The requests-per-minute counter can start over in the middle of a window: Redis restarts (its keys are gone), or
// it fails and the database counter takes over (with no count for this window). The issue saw 24 requests admitted
// with a limit of 10. A counter that starts over is raised to the answers the user's requests already started in
// the window, so it never counts from zero.

const database = useTestDatabase();
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
let redis: Redis | null = null;

beforeAll(async () => {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    redis = client;
  } catch (error) {
    if (process.env.CI || process.env.REQUIRE_POSTGRES === "1") throw error;
    console.warn(`!!! Redis not reachable at ${REDIS_URL}: SKIPPING the Redis case`);
  }
});
afterAll(() => {
  redis?.disconnect();
});
beforeEach(async () => {
  await database.reset();
  await saveModel({ id: "m", name: "Model", config: { provider: "openai-compatible", endpoint: "http://127.0.0.1:1/v1", model: "m" } });
});

// A window a few minutes ahead of the clock, so the test never straddles a minute boundary.
const windowStart = () => Math.floor(Date.now() / 60_000) * 60_000 + 5 * 60_000;

/** A user with a limit of 5 per minute who already had `admitted` answers started in the window at `start`. */
async function userWithAdmittedRequests(start: number, admitted: number) {
  const user = await createUser({ email: `${randomUUID()}@example.com`, role: "user", mayBecomeFirstAdmin: false });
  await saveQuota({ owner: { userId: user.id }, limits: { requestsPerMinute: 5, tokensPerDay: null, tokensPerMonth: null, costPerMonthUsd: null } });
  const conversation = await getOrCreateConversation({ id: randomUUID(), userId: user.id, modelId: "m" });
  for (let n = 0; n < admitted; n++) {
    await createAssistantMessage({ id: randomUUID(), createdAt: new Date(start + 1_000 + n), conversationId: conversation!.id, parentId: null, modelId: "m" });
  }
  return user;
}

async function admittedOf(user: { id: string }, calls: number, now: Date, counter: WindowCounter): Promise<number> {
  let admitted = 0;
  for (let n = 0; n < calls; n++) if ((await checkChatQuota(user, { now, counter })) === null) admitted++;
  return admitted;
}

describe(`a requests-per-minute counter that starts over mid-window, on ${testProvider()}`, () => {
  it("the database counter taking over (no count for this window) starts from the answers already started", async () => {
    const start = windowStart();
    const user = await userWithAdmittedRequests(start, 4);
    expect(await admittedOf(user, 5, new Date(start + 30_000), databaseCounter())).toBe(1);
  });

  it("a restarted Redis (the window's key gone) starts from the answers already started", async (context) => {
    if (!redis) return context.skip();
    const start = windowStart();
    const user = await userWithAdmittedRequests(start, 5);
    const restarted = redisCounter(redis, `test:reconcile:${randomUUID()}:`);
    expect(await admittedOf(user, 3, new Date(start + 30_000), restarted)).toBe(0);
  });

  it("a window with nothing started yet counts from one as before", async () => {
    const start = windowStart();
    const user = await userWithAdmittedRequests(start, 0);
    expect(await admittedOf(user, 7, new Date(start + 30_000), databaseCounter())).toBe(5);
  });
});
