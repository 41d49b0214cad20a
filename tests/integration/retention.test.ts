import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getRetention, PUT as putRetention } from "@/app/(admin)/api/admin/settings/retention/route";
import { getDb } from "@/lib/db/client";
import { acquireJobLease, releaseJobLease } from "@/lib/db/job-lease";
import { getRetentionSettings, setRetentionDays } from "@/lib/db/retention-settings";
import { createUser } from "@/lib/db/users";
import { runRetention } from "@/lib/retention/run-retention";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser, type TestUser } from "../support/signed-in-user";

// Retention: an admin setting (off by default), and a job that deletes conversations idle longer than it, in
// batches, never one with an answer being written, and on one instance at a time (the "retention" job lease).

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
const DAY = 86_400_000;
const NOW = new Date("2026-01-31T12:00:00.000Z");
const now = () => NOW;

let owner: TestUser;

beforeEach(async () => {
  await database.reset();
  owner = await newUser("owner@example.com");
});

/** A conversation last updated `daysAgo` before NOW, with a question and an answer in `answerStatus`. */
async function conversationIdleFor(daysAgo: number, answerStatus: "complete" | "streaming" = "complete") {
  const db = getDb();
  const id = randomUUID();
  const at = new Date(NOW.getTime() - daysAgo * DAY);
  await db.conversation.create({ data: { id, userId: owner.id, title: `${daysAgo} days` } });
  await db.message.create({ data: { conversationId: id, role: "user", parts: [{ type: "text", text: "hi" }], createdAt: at } });
  await db.message.create({ data: { conversationId: id, role: "assistant", parts: [], status: answerStatus, createdAt: at } });
  // updatedAt is @updatedAt: a raw write is the only way to age a row.
  await db.$executeRaw`UPDATE "Conversation" SET "updatedAt" = ${at} WHERE "id" = ${id}`;
  return id;
}

async function remainingTitles() {
  return (await getDb().conversation.findMany({ orderBy: { title: "asc" }, select: { title: true } })).map((row) => row.title);
}

describe(`retention job on ${testProvider()}`, () => {
  it("is off by default and then deletes nothing", async () => {
    await conversationIdleFor(5000);
    expect(await getRetentionSettings()).toEqual({ days: null, lastRun: null });
    expect(await runRetention({ holder: "a", now })).toEqual({ status: "disabled" });
    expect(await getDb().conversation.count()).toBe(1);
  });

  it("deletes conversations idle longer than the setting with their messages, keeps recent ones, records the run", async () => {
    await conversationIdleFor(45);
    await conversationIdleFor(31);
    await conversationIdleFor(29);
    await conversationIdleFor(1);
    await setRetentionDays(30);

    expect(await runRetention({ holder: "a", now })).toEqual({ status: "ran", deleted: 2 });
    expect(await remainingTitles()).toEqual(["1 days", "29 days"]);
    expect(await getDb().message.count()).toBe(4);
    expect((await getRetentionSettings()).lastRun).toEqual({ at: NOW.toISOString(), deleted: 2 });
    const entry = await getDb().auditLogEntry.findFirst({ where: { action: "retention.ran" } });
    expect(entry).toMatchObject({ actorId: null, target: "conversations", details: { deleted: 2, days: 30 } });
  });

  it("never deletes a conversation whose answer is still being written", async () => {
    await conversationIdleFor(90, "streaming");
    await conversationIdleFor(90);
    await setRetentionDays(30);
    expect(await runRetention({ holder: "a", now })).toEqual({ status: "ran", deleted: 1 });
    expect(await remainingTitles()).toEqual(["90 days"]);
    expect(await getDb().message.count({ where: { status: "streaming" } })).toBe(1);
  });

  it("works through a backlog in batches", async () => {
    for (let index = 0; index < 7; index++) await conversationIdleFor(100 + index);
    await conversationIdleFor(2);
    await setRetentionDays(30);
    const transaction = vi.spyOn(getDb(), "$transaction");
    try {
      expect(await runRetention({ holder: "a", now, batchSize: 3 })).toEqual({ status: "ran", deleted: 7 });
      // 3 + 3 + 1: the short batch ends the run.
      expect(transaction).toHaveBeenCalledTimes(3);
    } finally {
      transaction.mockRestore();
    }
    expect(await remainingTitles()).toEqual(["2 days"]);
  });

  it("runs on one instance at a time: a held lease makes the others wait, an expired one is taken over", async () => {
    await conversationIdleFor(60);
    await setRetentionDays(30);
    expect(await acquireJobLease({ name: "retention", holder: "other-instance", ttlMs: 60_000, now: NOW })).toBe(true);
    expect(await runRetention({ holder: "a", now })).toEqual({ status: "busy" });
    expect(await getDb().conversation.count()).toBe(1);

    const later = () => new Date(NOW.getTime() + 61_000);
    expect(await runRetention({ holder: "a", now: later })).toEqual({ status: "ran", deleted: 1 });
    // Released after the run: the other instance's next try succeeds.
    expect(await acquireJobLease({ name: "retention", holder: "other-instance", ttlMs: 60_000, now: later() })).toBe(true);
  });

  it("of ten instances taking the lease at once, exactly one gets it", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => acquireJobLease({ name: "retention", holder: `i${index}`, ttlMs: 60_000, now: NOW })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const holder = `i${results.indexOf(true)}`;
    expect(await getDb().jobLease.findUnique({ where: { name: "retention" } })).toMatchObject({ holder });
    await releaseJobLease({ name: "retention", holder: "not-the-holder" });
    expect(await acquireJobLease({ name: "retention", holder: "late", ttlMs: 60_000, now: NOW })).toBe(false);
  });

  it("two concurrent runs: one does the work, each conversation is deleted once", async () => {
    for (let index = 0; index < 6; index++) await conversationIdleFor(100 + index);
    await setRetentionDays(30);
    const outcomes = await Promise.all([runRetention({ holder: "a", now, batchSize: 2 }), runRetention({ holder: "b", now, batchSize: 2 })]);
    const deleted = outcomes.map((outcome) => (outcome.status === "ran" ? outcome.deleted : 0));
    expect(deleted.sort()).toEqual([0, 6]);
    expect(await getDb().conversation.count()).toBe(0);
  });
});

describe(`PUT /api/admin/settings/retention on ${testProvider()}`, () => {
  let admin: TestUser;
  const put = (body: unknown) =>
    putRetention(
      new Request("http://localhost/api/admin/settings/retention", {
        method: "PUT",
        body: JSON.stringify(body),
        headers: { "x-forwarded-for": "10.1.2.3" },
      }) as never,
      {} as never,
    );

  beforeEach(async () => {
    const row = await createUser({ email: "admin@example.com", role: "admin", mayBecomeFirstAdmin: false });
    admin = { id: row.id, email: row.email };
    actAs({ ...admin, role: "admin" });
  });

  it("saves 1 to 3650 days or null, and records each change", async () => {
    const saved = await put({ days: 30 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ days: 30, lastRun: null });
    expect((await put({ days: 3650 })).status).toBe(200);
    expect((await put({ days: 1 })).status).toBe(200);
    expect((await put({ days: null })).status).toBe(200);
    expect((await getRetentionSettings()).days).toBeNull();
    const entries = await getDb().auditLogEntry.findMany({ where: { action: "settings.changed" }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => entry.details)).toEqual([
      { from: null, to: 30 },
      { from: 30, to: 3650 },
      { from: 3650, to: 1 },
      { from: 1, to: null },
    ]);
    expect(entries[0]).toMatchObject({ actorId: admin.id, target: "retention.days", ipAddress: "10.1.2.3" });
    const read = await getRetention(new Request("http://localhost/api/admin/settings/retention") as never, {} as never);
    expect(await read.json()).toEqual({ days: null, lastRun: null });
  });

  it("refuses values out of range, fractions, strings, extra fields and bad JSON", async () => {
    for (const body of [{ days: 0 }, { days: 3651 }, { days: 1.5 }, { days: "30" }, { days: 30, extra: true }, {}, "30"]) {
      const response = await put(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const malformed = await putRetention(new Request("http://localhost/x", { method: "PUT", body: "{" }) as never, {} as never);
    expect(malformed.status).toBe(400);
    expect((await getRetentionSettings()).days).toBeNull();
    expect(await getDb().auditLogEntry.count()).toBe(0);
  });

  it("is for admins only", async () => {
    actAs(owner);
    expect((await put({ days: 30 })).status).toBe(403);
    actAs(null);
    expect((await put({ days: 30 })).status).toBe(401);
    expect((await getRetentionSettings()).days).toBeNull();
  });
});
