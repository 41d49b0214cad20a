import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import type { SendMessageInput } from "@/lib/chat/types";
import { getDb } from "@/lib/db/client";
import { type QuotaLimits, saveQuota } from "@/lib/db/quotas";
import { createUser } from "@/lib/db/users";
import { saveModel } from "@/lib/models/save-model";
import { checkChatQuota } from "@/lib/quota/check-chat-quota";
import { quotaClock } from "@/lib/quota/clock";
import { databaseCounter, redisCounter, type WindowCounter } from "@/lib/quota/window-counter";
import { testProvider, useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { signInNewUser } from "../support/signed-in-user";
import { answerSettled, waitFor } from "../support/wait-for";

// Quotas against the real database (and a real Redis): which limits apply, when they reset, that the per-minute
// counters hold under concurrency, and that an over-limit chat request is refused before anything else happens.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
const UNLIMITED: QuotaLimits = { requestsPerMinute: null, tokensPerDay: null, tokensPerMonth: null, costPerMonthUsd: null };
// 14:31:20 UTC on 20 November: the minute window ends at 14:32, the day at midnight, the month on 1 December.
const NOW = new Date("2026-11-20T14:31:20.000Z");

const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
// .ci/run sets REQUIRE_REDIS=1: there a missing Redis fails the suite instead of skipping its Redis tests.
const redisRequired = process.env.REQUIRE_REDIS === "1" || Boolean(process.env.CI);
let redis: Redis | null = null;
let redisProblem: string | null = null;

const fakes = useFakes();

beforeAll(async () => {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    retryStrategy: () => null,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.ping();
    redis = client;
  } catch (error) {
    redisProblem = error instanceof Error ? error.message : String(error);
    client.disconnect();
    if (redisRequired) throw new Error(`Redis not reachable at ${REDIS_URL} (${redisProblem}); CI requires it for the quota tests`);
    console.warn(`\n!!! Redis not reachable at ${REDIS_URL} (${redisProblem}): SKIPPING the Redis counter tests\n`);
  }
});
afterAll(() => {
  redis?.disconnect();
});
beforeEach(async () => {
  await database.reset();
  fakes.reset();
});

async function newUser(prefix = "user") {
  return createUser({ email: `${prefix}-${randomUUID().slice(0, 8)}@example.com`, role: "user", mayBecomeFirstAdmin: false });
}

async function newGroup(name: string, memberIds: string[]) {
  const group = await getDb().group.create({ data: { name } });
  for (const userId of memberIds) await getDb().groupMember.create({ data: { groupId: group.id, userId } });
  return group;
}

async function usage(userId: string, at: Date, inputTokens: number, outputTokens: number, costUsd = 0) {
  await getDb().usageRecord.create({ data: { userId, createdAt: at, inputTokens, outputTokens, costUsd } });
}

/** `calls` checks at once; how many were let through. */
async function passedOf(calls: number, run: () => Promise<unknown>) {
  const results = await Promise.all(Array.from({ length: calls }, run));
  return results.filter((result) => result === null).length;
}

describe(`quotas on ${testProvider()}`, () => {
  it("lets a user without any quota through, and counts nothing for them", async () => {
    const user = await newUser();
    await usage(user.id, NOW, 1_000_000, 1_000_000, 1_000);
    expect(await checkChatQuota(user, { now: NOW })).toBeNull();
    expect(await getDb().rateCounter.count()).toBe(0);
  });

  it("refuses over the user's daily tokens until midnight UTC; yesterday's usage does not count", async () => {
    const user = await newUser();
    await saveQuota({ owner: { userId: user.id }, limits: { ...UNLIMITED, tokensPerDay: 1_000 } });
    await usage(user.id, new Date("2026-11-19T23:59:59.999Z"), 5_000, 5_000);
    await usage(user.id, new Date("2026-11-20T00:00:00.000Z"), 600, 399);
    expect(await checkChatQuota(user, { now: NOW })).toBeNull();

    await usage(user.id, new Date("2026-11-20T10:00:00.000Z"), 0, 1);
    const refusal = await checkChatQuota(user, { now: NOW });
    expect(refusal).toEqual({
      code: "quota_exceeded",
      limit: "tokensPerDay",
      resetsAt: new Date("2026-11-21T00:00:00.000Z"),
      message: "You have used your daily limit of 1,000 tokens. It resets at 00:00 UTC (midnight UTC).",
    });
    expect(await checkChatQuota(user, { now: new Date("2026-11-21T00:00:00.000Z") })).toBeNull();
  });

  it("refuses over the monthly tokens or the monthly budget until the 1st of next month (UTC)", async () => {
    const tokens = await newUser("tokens");
    await saveQuota({ owner: { userId: tokens.id }, limits: { ...UNLIMITED, tokensPerMonth: 10_000 } });
    await usage(tokens.id, new Date("2026-10-31T23:59:59.000Z"), 50_000, 0);
    await usage(tokens.id, new Date("2026-11-01T00:00:00.000Z"), 6_000, 4_000);
    expect(await checkChatQuota(tokens, { now: NOW })).toMatchObject({
      limit: "tokensPerMonth",
      resetsAt: new Date("2026-12-01T00:00:00.000Z"),
      message: "You have used your monthly limit of 10,000 tokens. It resets on 1 December (00:00 UTC).",
    });

    const budget = await newUser("budget");
    await saveQuota({ owner: { userId: budget.id }, limits: { ...UNLIMITED, costPerMonthUsd: 5 } });
    await usage(budget.id, new Date("2026-11-02T00:00:00.000Z"), 10, 10, 2.5);
    expect(await checkChatQuota(budget, { now: NOW })).toBeNull();
    await usage(budget.id, new Date("2026-11-03T00:00:00.000Z"), 10, 10, 2.5);
    expect(await checkChatQuota(budget, { now: NOW })).toMatchObject({
      limit: "costPerMonthUsd",
      resetsAt: new Date("2026-12-01T00:00:00.000Z"),
      message: "You have reached your monthly budget of $5.00. It resets on 1 December (00:00 UTC).",
    });
    // December rolls over to January of the next year.
    expect(await checkChatQuota(budget, { now: new Date("2026-12-31T23:00:00.000Z") })).toBeNull();
  });

  it("applies each group's quota to each member, and the tightest limit wins whoever sets it", async () => {
    const ann = await newUser("ann");
    const bob = await newUser("bob");
    const outsider = await newUser("outsider");
    const strict = await newGroup("Interns", [ann.id]);
    const loose = await newGroup("Staff", [ann.id, bob.id]);
    await saveQuota({ owner: { groupId: strict.id }, limits: { ...UNLIMITED, tokensPerDay: 100 } });
    await saveQuota({ owner: { groupId: loose.id }, limits: { ...UNLIMITED, tokensPerDay: 1_000 } });
    await saveQuota({ owner: { userId: bob.id }, limits: { ...UNLIMITED, tokensPerDay: 5_000 } });
    for (const user of [ann, bob, outsider]) await usage(user.id, NOW, 100, 100);

    // Ann: her group Interns (100) is tighter than Staff (1,000).
    expect(await checkChatQuota(ann, { now: NOW })).toMatchObject({ limit: "tokensPerDay", message: expect.stringContaining("100 tokens") });
    // Bob: Staff (1,000) is tighter than his own 5,000; each member counts only their own usage (200).
    expect(await checkChatQuota(bob, { now: NOW })).toBeNull();
    await usage(bob.id, NOW, 800, 0);
    expect(await checkChatQuota(bob, { now: NOW })).toMatchObject({ message: expect.stringContaining("1,000 tokens") });
    expect(await checkChatQuota(outsider, { now: NOW })).toBeNull();

    // A user's own quota wins when it is the tighter one, and limits of different kinds all apply.
    await saveQuota({ owner: { userId: bob.id }, limits: { ...UNLIMITED, tokensPerDay: 50_000, costPerMonthUsd: 0.01 } });
    await getDb().usageRecord.deleteMany({ where: { userId: bob.id } });
    await usage(bob.id, NOW, 1, 1, 0.01);
    expect(await checkChatQuota(bob, { now: NOW })).toMatchObject({ limit: "costPerMonthUsd" });
  });

  it("saving all limits as unlimited removes the quota; an unknown owner is refused", async () => {
    const user = await newUser();
    expect(await saveQuota({ owner: { userId: user.id }, limits: { ...UNLIMITED, requestsPerMinute: 3 } })).toEqual({ removed: false });
    expect(await getDb().quota.count({ where: { userId: user.id } })).toBe(1);
    expect(await saveQuota({ owner: { userId: user.id }, limits: UNLIMITED })).toEqual({ removed: true });
    expect(await getDb().quota.count()).toBe(0);
    expect(await saveQuota({ owner: { groupId: "no-such-group" }, limits: { ...UNLIMITED, tokensPerDay: 1 } })).toBeNull();
  });

  describe("requests per minute", () => {
    // Counters expire with their window, so these tests count in windows a few minutes ahead of the real clock.
    const minuteStart = () => Math.floor(Date.now() / 60_000) * 60_000 + 5 * 60_000;

    async function expectExactlyLimitPass(counter: WindowCounter) {
      const user = await newUser();
      await saveQuota({ owner: { userId: user.id }, limits: { ...UNLIMITED, requestsPerMinute: 5 } });
      const start = minuteStart();
      expect(await passedOf(10, () => checkChatQuota(user, { now: new Date(start + 20_000), counter }))).toBe(5);

      const refusal = await checkChatQuota(user, { now: new Date(start + 59_999), counter });
      const end = new Date(start + 60_000);
      expect(refusal).toEqual({
        code: "quota_exceeded",
        limit: "requestsPerMinute",
        resetsAt: end,
        message: `You have reached your limit of 5 requests per minute. Try again at ${end.toISOString().slice(11, 16)} UTC.`,
      });
      // The next minute is a new window.
      expect(await passedOf(7, () => checkChatQuota(user, { now: end, counter }))).toBe(5);
      return { user, start };
    }

    it("the database counter lets exactly the limit through when ten checks race, and sweeps expired rows", async () => {
      const { user } = await expectExactlyLimitPass(databaseCounter());
      const rows = await getDb().rateCounter.findMany({ orderBy: { key: "asc" } });
      expect(rows.map((row) => row.count)).toEqual([11, 7]);
      expect(rows.every((row) => row.key.startsWith(`rpm:${user.id}:`))).toBe(true);

      // Sweeping happens at most once a minute per instance and removes only windows that are over.
      await getDb().rateCounter.create({ data: { key: "rpm:gone:1", count: 3, expiresAt: new Date(Date.now() - 1_000) } });
      await getDb().rateCounter.create({ data: { key: "rpm:grace:1", count: 3, expiresAt: new Date(Date.now() + 90_000) } });
      const twoMinutesAhead = new Date(Date.now() + 120_000);
      const clock = vi.spyOn(quotaClock, "now").mockReturnValue(twoMinutesAhead);
      try {
        await databaseCounter().increment("rpm:fresh:1", new Date(twoMinutesAhead.getTime() + 60_000));
      } finally {
        clock.mockRestore();
      }
      const keys = (await getDb().rateCounter.findMany({ select: { key: true } })).map((row) => row.key);
      expect(keys).not.toContain("rpm:gone:1");
      expect(keys).toContain("rpm:fresh:1");
      // Over for a clock two minutes ahead, but within the minute of grace kept for instances whose clocks lag.
      expect(keys).toContain("rpm:grace:1");
    });

    it("the Redis counter lets exactly the limit through when ten checks race, and keys expire with their window", async (context) => {
      if (!redis) {
        console.warn(`SKIPPED: Redis not reachable (${redisProblem})`);
        return context.skip();
      }
      const prefix = `test:quota:${randomUUID()}:`;
      const { user, start } = await expectExactlyLimitPass(redisCounter(redis, prefix));
      const keys = await redis.keys(`${prefix}*`);
      expect(keys).toHaveLength(2);
      const key = `${prefix}rpm:${user.id}:${start / 60_000}`;
      expect(await redis.get(key)).toBe("11");
      // Redis drops the key by itself a minute after its window ends.
      const ttl = await redis.pttl(key);
      const untilEnd = start + 60_000 - Date.now();
      expect(ttl).toBeGreaterThan(untilEnd);
      expect(ttl).toBeLessThanOrEqual(untilEnd + 60_000 + 1_000);
      await redis.del(...keys);
      expect(await getDb().rateCounter.count()).toBe(0);
    });
  });
});

describe(`POST /api/chat over a quota on ${testProvider()}`, () => {
  const TIMEOUTS = { connectMs: 3_000, firstTokenMs: 3_000, idleMs: 3_000 };

  beforeEach(async () => {
    await saveModel({
      id: "azure",
      name: "GPT-4o",
      config: { provider: "azure-openai", endpoint: fakes.azure.url, deployment: "gpt-4o", apiKey: fakes.azure.apiKey, timeouts: TIMEOUTS },
      isDefault: true,
      inputPricePerMTok: 2.5,
      outputPricePerMTok: 10,
    });
  });

  function signIn() {
    return signInNewUser(`chat-${randomUUID().slice(0, 8)}@example.com`);
  }

  function send(body: SendMessageInput) {
    return postChat(new Request("http://localhost/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
  }

  function newMessage(text: string): SendMessageInput {
    return { conversationId: randomUUID(), modelId: "azure", message: { id: randomUUID(), text } };
  }

  it("answers 429 quota_exceeded with the reset time, before any backend call and without storing anything", async () => {
    // Both messages in one minute window whatever the wall clock says: the quota clock stands 20 s into a window.
    const window = Math.floor(Date.now() / 60_000) * 60_000 + 5 * 60_000;
    const clock = vi.spyOn(quotaClock, "now").mockReturnValue(new Date(window + 20_000));
    onTestFinished(() => clock.mockRestore());
    const user = await signIn();
    await saveQuota({ owner: { userId: user.id }, limits: { ...UNLIMITED, requestsPerMinute: 1 } });

    const first = newMessage("How do I care for a parrot?");
    const ok = await send(first);
    expect(ok.status).toBe(200);
    await ok.text();
    await answerSettled(first.conversationId);
    const backendCalls = fakes.azure.requestCount;
    expect(backendCalls).toBeGreaterThan(0);
    const before = {
      conversations: await getDb().conversation.count(),
      messages: await getDb().message.count(),
      usage: await getDb().usageRecord.count(),
    };

    const second = newMessage("And what fruit?");
    const refused = await send(second);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("cache-control")).toContain("no-store");
    const body = (await refused.json()) as { error: { code: string; message: string; resetsAt: string } };
    expect(body.error.code).toBe("quota_exceeded");
    const resetsAt = new Date(body.error.resetsAt);
    expect(resetsAt).toEqual(new Date(window + 60_000));
    const hhmm = resetsAt.toISOString().slice(11, 16);
    expect(body.error.message).toBe(`You have reached your limit of 1 request per minute. Try again at ${hhmm} UTC.`);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

    expect(fakes.azure.requestCount).toBe(backendCalls);
    expect(await getDb().conversation.findUnique({ where: { id: second.conversationId } })).toBeNull();
    expect({
      conversations: await getDb().conversation.count(),
      messages: await getDb().message.count(),
      usage: await getDb().usageRecord.count(),
    }).toEqual(before);
  });

  it("refuses a user over a group's daily tokens with zero backend requests", async () => {
    const user = await signIn();
    const group = await newGroup("Trial", [user.id]);
    await saveQuota({ owner: { groupId: group.id }, limits: { ...UNLIMITED, tokensPerDay: 10 } });
    await usage(user.id, new Date(), 5, 5);

    const refused = await send(newMessage("Hello?"));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: "quota_exceeded", message: expect.stringContaining("daily limit of 10 tokens") } });
    for (const fake of fakes.list) expect(fake.requestCount).toBe(0);
    expect(await getDb().message.count()).toBe(0);
  });

  it("stores each call's cost from the model's prices at that moment", async () => {
    const user = await signIn();
    const body = newMessage("How do I care for a parrot?");
    await (await send(body)).text();
    await answerSettled(body.conversationId);
    await waitFor(async () => (await getDb().usageRecord.count()) >= 2, 5_000, "the answer's and the title's usage recorded:");

    const records = await getDb().usageRecord.findMany({ where: { userId: user.id } });
    expect(records.length).toBe(2); // the answer and the title
    for (const record of records) {
      expect(record.inputTokens + record.outputTokens).toBeGreaterThan(0);
      expect(record.costUsd).toBe(Math.round(((record.inputTokens * 2.5) / 1e6 + (record.outputTokens * 10) / 1e6) * 1e9) / 1e9);
    }

    // A price change applies to later calls only; an unpriced model costs nothing.
    await getDb().model.update({ where: { id: "azure" }, data: { inputPricePerMTok: null, outputPricePerMTok: null } });
    const next = newMessage("And what fruit?");
    await (await send({ ...next, conversationId: body.conversationId })).text();
    await answerSettled(body.conversationId);
    const later = await getDb().usageRecord.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(later).toHaveLength(3);
    expect(later[2]?.costUsd).toBe(0);
    expect(later.slice(0, 2).map((record) => record.costUsd)).toEqual(
      records.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((record) => record.costUsd),
    );
  });
});
