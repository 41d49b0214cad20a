import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { PUT as putGroupQuota } from "@/app/(admin)/api/admin/quotas/groups/[groupId]/route";
import { GET as getQuotas } from "@/app/(admin)/api/admin/quotas/route";
import { GET as searchUsers } from "@/app/(admin)/api/admin/quotas/user-search/route";
import { PUT as putUserQuota } from "@/app/(admin)/api/admin/quotas/users/[userId]/route";
import { GET as exportUsage } from "@/app/(admin)/api/admin/usage/export/route";
import { GET as getUsage } from "@/app/(admin)/api/admin/usage/route";
import { getDb } from "@/lib/db/client";
import { getUsageByDay, getUsageByGroup, getUsageByModel, getUsageByUser, getUsageTotals } from "@/lib/db/usage-stats";
import { createUser } from "@/lib/db/users";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs } from "../support/signed-in-user";

// The admin quota and usage routes, and the usage figures: every figure must equal the stored rows added up.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
const DAY = 86_400_000;

/** The exact total of stored costs: each is a whole number of billionths of a dollar, so add those as integers. */
function exactCostSum(rows: { costUsd: number }[]): number {
  return rows.reduce((sum, row) => sum + Math.round(row.costUsd * 1e9), 0) / 1e9;
}

/** A cost as recordUsage stores it (whole billionths of a dollar). */
const stored = (usd: number) => Math.round(usd * 1e9) / 1e9;

async function newUser(email: string, name: string | null = null, role: "admin" | "user" = "user") {
  const user = await createUser({ email, name: name ?? undefined, role, mayBecomeFirstAdmin: false });
  return user;
}

const request = (path: string, init?: { method?: string; body?: unknown }) =>
  new NextRequest(`http://localhost${path}`, {
    method: init?.method ?? "GET",
    headers: { "content-type": "application/json", "user-agent": "vitest" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

let admin: Awaited<ReturnType<typeof newUser>>;

beforeEach(async () => {
  await database.reset();
  admin = await newUser("admin@example.com", "Admin", "admin");
  actAs({ ...admin, role: "admin" });
});

const LIMITS = { requestsPerMinute: 10, tokensPerDay: 50_000, tokensPerMonth: null, costPerMonthUsd: 12.5 };

describe(`admin quota routes on ${testProvider()}`, () => {
  it("refuses without a session (401) and for a plain user (403), on every route", async () => {
    const plain = await newUser("plain@example.com");
    const calls = [
      () => getQuotas(request("/api/admin/quotas"), params({})),
      () => searchUsers(request("/api/admin/quotas/user-search?q=a"), params({})),
      () => putUserQuota(request(`/api/admin/quotas/users/${plain.id}`, { method: "PUT", body: LIMITS }), params({ userId: plain.id })),
      () => putGroupQuota(request("/api/admin/quotas/groups/x", { method: "PUT", body: LIMITS }), params({ groupId: "x" })),
      () => getUsage(request("/api/admin/usage?days=7"), params({})),
      () => exportUsage(request("/api/admin/usage/export?from=2026-11-01&to=2026-11-20&groupBy=user"), params({})),
    ];
    for (const [who, status] of [
      [null, 401],
      [{ ...plain, role: "user" as const }, 403],
    ] as const) {
      actAs(who);
      for (const call of calls) {
        const response = await call();
        expect(response.status).toBe(status);
        expect(await response.json()).toMatchObject({ error: { code: status === 401 ? "unauthorized" : "forbidden" } });
      }
    }
    expect(await getDb().quota.count()).toBe(0);
    expect(await getDb().auditLogEntry.count()).toBe(0);
  });

  it("sets, lists and removes a user's and a group's limits, and records quota.changed", async () => {
    const ann = await newUser("ann@example.com", "Ann Lee");
    const group = await getDb().group.create({ data: { name: "Interns" } });

    const saved = await putUserQuota(request(`/api/admin/quotas/users/${ann.id}`, { method: "PUT", body: LIMITS }), params({ userId: ann.id }));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ limits: LIMITS });
    const groupLimits = { ...LIMITS, requestsPerMinute: 2, costPerMonthUsd: null };
    expect(
      (await putGroupQuota(request(`/api/admin/quotas/groups/${group.id}`, { method: "PUT", body: groupLimits }), params({ groupId: group.id }))).status,
    ).toBe(200);

    const listed = (await (await getQuotas(request("/api/admin/quotas"), params({}))).json()) as {
      users: { user: { id: string; email: string }; limits: unknown }[];
      groups: { id: string; name: string; memberCount: number; limits: unknown }[];
    };
    expect(listed.users).toEqual([expect.objectContaining({ user: { id: ann.id, email: "ann@example.com", name: "Ann Lee" }, limits: LIMITS })]);
    expect(listed.groups).toEqual([expect.objectContaining({ id: group.id, name: "Interns", memberCount: 0, limits: groupLimits })]);

    const found = (await (await searchUsers(request("/api/admin/quotas/user-search?q=ANN"), params({}))).json()) as { users: { id: string; quota: unknown }[] };
    expect(found.users).toEqual([expect.objectContaining({ id: ann.id, quota: LIMITS })]);

    const unlimited = { requestsPerMinute: null, tokensPerDay: null, tokensPerMonth: null, costPerMonthUsd: null };
    const removed = await putUserQuota(request(`/api/admin/quotas/users/${ann.id}`, { method: "PUT", body: unlimited }), params({ userId: ann.id }));
    expect(await removed.json()).toEqual({ limits: null });
    expect(await getDb().quota.count({ where: { userId: ann.id } })).toBe(0);

    const entries = await getDb().auditLogEntry.findMany({ where: { action: "quota.changed" }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => [entry.actorId, entry.target, entry.userAgent])).toEqual([
      [admin.id, `user:${ann.id}`, "vitest"],
      [admin.id, `group:${group.id}`, "vitest"],
      [admin.id, `user:${ann.id}`, "vitest"],
    ]);
    expect(entries[0]?.details).toMatchObject({ ...LIMITS, removed: false });
    expect(entries[2]?.details).toMatchObject({ removed: true });
  });

  it("rejects invalid limits (400) and unknown users or groups (404) without saving or auditing", async () => {
    const ann = await newUser("ann@example.com");
    const put = (body: unknown) => putUserQuota(request(`/api/admin/quotas/users/${ann.id}`, { method: "PUT", body }), params({ userId: ann.id }));
    for (const [body, message] of [
      [{ ...LIMITS, tokensPerDay: -1 }, "Tokens per day cannot be negative."],
      [{ ...LIMITS, requestsPerMinute: 1.5 }, "Requests per minute must be a whole number."],
      [{ ...LIMITS, tokensPerMonth: 3_000_000_000 }, "Tokens per month can be at most 2,000,000,000."],
      [{ ...LIMITS, costPerMonthUsd: "5" }, "The monthly budget must be a number of dollars, or empty for unlimited."],
      [{ ...LIMITS, extra: 1 }, undefined],
      [{ requestsPerMinute: 1 }, undefined],
      ["not json", undefined],
    ] as const) {
      const response = await put(body);
      expect(response.status).toBe(400);
      const json = (await response.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe("bad_request");
      if (message) expect(json.error.message).toBe(message);
    }
    const ghost = await putUserQuota(request("/api/admin/quotas/users/nobody", { method: "PUT", body: LIMITS }), params({ userId: "nobody" }));
    expect(ghost.status).toBe(404);
    const badId = await putGroupQuota(request("/api/admin/quotas/groups/x", { method: "PUT", body: LIMITS }), params({ groupId: "../x" }));
    expect(badId.status).toBe(400);
    expect(await getDb().quota.count()).toBe(0);
    expect(await getDb().auditLogEntry.count()).toBe(0);
  });
});

describe(`usage figures on ${testProvider()}`, () => {
  const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));

  async function seed() {
    await getDb().model.create({ data: { id: "gpt", name: "GPT-4o", provider: "azure-openai", endpoint: "https://x.test" } });
    await getDb().model.create({ data: { id: "j2", name: 'J2 "Ultra", =big', provider: "ai21", endpoint: "https://y.test" } });
    const ann = await newUser("ann@example.com", '=HYPERLINK("http://evil.test")');
    const bob = await newUser("bob@example.com", "Bob, Jr.");
    const carl = await newUser("carl@example.com");
    const staff = await getDb().group.create({ data: { name: "Staff" } });
    const interns = await getDb().group.create({ data: { name: "+Interns" } });
    await getDb().group.create({ data: { name: "Idle" } });
    for (const [groupId, userId] of [
      [staff.id, ann.id],
      [staff.id, bob.id],
      [interns.id, bob.id],
    ]) {
      await getDb().groupMember.create({ data: { groupId: groupId!, userId: userId! } });
    }
    // Costs with many decimals, as prices per million tokens give them.
    const rows = [
      { userId: ann.id, modelId: "gpt", daysAgo: 0, inputTokens: 1234, outputTokens: 567, costUsd: stored((1234 * 2.5 + 567 * 10) / 1e6) },
      { userId: ann.id, modelId: "gpt", daysAgo: 1, inputTokens: 10, outputTokens: 3, costUsd: stored((10 * 2.5 + 3 * 10) / 1e6) },
      { userId: bob.id, modelId: "j2", daysAgo: 1, inputTokens: 777, outputTokens: 333, costUsd: stored((777 * 0.3 + 333 * 0.7) / 1e6) },
      { userId: bob.id, modelId: null, daysAgo: 3, inputTokens: 5, outputTokens: 5, costUsd: 0.1 },
      { userId: carl.id, modelId: "gpt", daysAgo: 6, inputTokens: 99_999, outputTokens: 1, costUsd: stored((99_999 * 2.5 + 10) / 1e6) },
      // Outside a 7-day period: day 7 ago is the eighth day back.
      { userId: carl.id, modelId: "gpt", daysAgo: 7, inputTokens: 1_000_000, outputTokens: 1, costUsd: 1 },
    ];
    for (const row of rows) {
      const { daysAgo, ...data } = row;
      await getDb().usageRecord.create({ data: { ...data, createdAt: new Date(today.getTime() - daysAgo * DAY + 3_600_000) } });
    }
    return { ann, bob, carl, staff, interns };
  }

  const period = () => ({ from: new Date(today.getTime() - 6 * DAY), to: new Date(today.getTime() + DAY) });

  /** The expected figures, added up from the stored rows. */
  async function expectedFrom(where: object) {
    const rows = await getDb().usageRecord.findMany({ where: { createdAt: { gte: period().from, lt: period().to }, ...where } });
    const inputTokens = rows.reduce((sum, row) => sum + row.inputTokens, 0);
    const outputTokens = rows.reduce((sum, row) => sum + row.outputTokens, 0);
    return { requests: rows.length, inputTokens, outputTokens, totalTokens: inputTokens + outputTokens, costUsd: exactCostSum(rows) };
  }

  it("totals, days, models, users and groups equal the stored rows added up", async () => {
    const { ann, bob, carl, staff, interns } = await seed();
    expect(await getUsageTotals({ period: period() })).toEqual(await expectedFrom({}));
    expect((await getUsageTotals({ period: period() })).requests).toBe(5);

    const days = await getUsageByDay({ period: period() });
    expect(days).toHaveLength(7);
    for (const [index, day] of days.entries()) {
      const from = new Date(period().from.getTime() + index * DAY);
      expect(day.day).toBe(from.toISOString().slice(0, 10));
      const rows = await getDb().usageRecord.findMany({ where: { createdAt: { gte: from, lt: new Date(from.getTime() + DAY) } } });
      expect(day.totalTokens).toBe(rows.reduce((sum, row) => sum + row.inputTokens + row.outputTokens, 0));
      expect(day.costUsd).toBe(exactCostSum(rows));
    }

    const models = await getUsageByModel({ period: period() });
    expect(models.map((row) => row.name)).toEqual(["GPT-4o", 'J2 "Ultra", =big', "Deleted models"]);
    for (const row of models) expect(row).toMatchObject(await expectedFrom({ modelId: row.modelId }));

    const users = await getUsageByUser({ period: period(), take: 2 });
    expect(users.map((row) => row.userId)).toEqual([carl.id, ann.id]);
    for (const row of users) expect(row).toMatchObject(await expectedFrom({ userId: row.userId }));

    const groups = await getUsageByGroup({ period: period() });
    expect(groups.map((row) => row.name)).toEqual(["Staff", "+Interns"]);
    expect(groups[0]).toMatchObject(await expectedFrom({ userId: { in: [ann.id, bob.id] } }));
    expect(groups[1]).toMatchObject({ groupId: interns.id, ...(await expectedFrom({ userId: bob.id })) });
    expect(groups[0]?.groupId).toBe(staff.id);

    // One user's own figures.
    expect(await getUsageTotals({ period: period(), userId: bob.id })).toEqual(await expectedFrom({ userId: bob.id }));
  });

  it("GET /api/admin/usage answers the report for the chosen period", async () => {
    await seed();
    const response = await getUsage(request("/api/admin/usage?days=7"), params({}));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { days: number; totals: unknown; byDay: unknown[] };
    expect(body.days).toBe(7);
    expect(body.totals).toEqual(await expectedFrom({}));
    expect(body.byDay).toHaveLength(7);
    // An unknown period falls back to 30 days.
    expect(((await (await getUsage(request("/api/admin/usage?days=13"), params({}))).json()) as { days: number }).days).toBe(30);
  });

  it("exports CSV with quoting and formula-injection protection, and records usage.exported", async () => {
    const { ann, bob } = await seed();
    const { from, to } = { from: period().from.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) };
    const response = await exportUsage(request(`/api/admin/usage/export?from=${from}&to=${to}&groupBy=user`), params({}));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="usage-by-user-${from}-to-${to}.csv"`);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe("user_id,email,name,requests,input_tokens,output_tokens,total_tokens,cost_usd");
    const annFigures = await expectedFrom({ userId: ann.id });
    expect(lines).toContain(
      `${ann.id},ann@example.com,"'=HYPERLINK(""http://evil.test"")",${annFigures.requests},${annFigures.inputTokens},${annFigures.outputTokens},${annFigures.totalTokens},${annFigures.costUsd}`,
    );
    expect(lines.some((line) => line.startsWith(`${bob.id},bob@example.com,"Bob, Jr.",`))).toBe(true);
    expect(lines.at(-1)).toBe("");

    const models = await (await exportUsage(request(`/api/admin/usage/export?from=${from}&to=${to}&groupBy=model`), params({}))).text();
    expect(models).toContain(`j2,"J2 ""Ultra"", =big",`);
    const groups = await (await exportUsage(request(`/api/admin/usage/export?from=${from}&to=${to}&groupBy=group`), params({}))).text();
    expect(groups).toContain(",'+Interns,");
    const days = (await (await exportUsage(request(`/api/admin/usage/export?from=${from}&to=${to}&groupBy=day`), params({}))).text()).trim().split("\r\n");
    expect(days).toHaveLength(8);

    const audit = await getDb().auditLogEntry.findMany({ where: { action: "usage.exported" } });
    expect(audit).toHaveLength(4);
    expect(audit[0]).toMatchObject({ actorId: admin.id, details: { from, to, groupBy: "user" } });
  });

  it("rejects a bad export query with 400 and no audit entry", async () => {
    for (const query of [
      "from=2026-11-01&to=2026-10-01",
      "from=yesterday&to=2026-11-01",
      "from=2026-11-01&to=2026-11-02&groupBy=email",
      "from=2024-01-01&to=2026-01-01",
      "to=2026-11-02",
    ]) {
      const response = await exportUsage(request(`/api/admin/usage/export?${query}`), params({}));
      expect(response.status, query).toBe(400);
    }
    expect(await getDb().auditLogEntry.count()).toBe(0);
  });
});
