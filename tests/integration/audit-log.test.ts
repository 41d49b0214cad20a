import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getAuditLog } from "@/app/(admin)/api/admin/audit/route";
import type { AuditEntryView } from "@/lib/audit/entry-view";
import { recordAuditEvent } from "@/lib/db/audit";
import { listAuditEntries } from "@/lib/db/audit-log";
import { getDb } from "@/lib/db/client";
import { createUser, setUserStatus } from "@/lib/db/users";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser, type TestUser } from "../support/signed-in-user";

// The audit log viewer: filters, newest-first cursor pages, JSON and a CSV that spreadsheets cannot run; admins only.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
afterAll(() => vi.unstubAllEnvs());

let admin: TestUser;

function actAsAdmin() {
  actAs({ ...admin, role: "admin", name: "Ada Admin" });
}

const CHROME = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

async function entryAt(iso: string, event: Parameters<typeof recordAuditEvent>[0]) {
  await recordAuditEvent(event);
  const latest = await getDb().auditLogEntry.findFirst({ orderBy: { id: "desc" }, where: { action: event.action } });
  // Only the test moves an entry's date, so that filters by day have something to find.
  await getDb().auditLogEntry.updateMany({ where: { createdAt: { gte: new Date(Date.now() - 60_000) }, id: latest!.id }, data: { createdAt: new Date(iso) } });
}

const fetchLog = (query = "") => getAuditLog(new Request(`http://localhost/api/admin/audit${query}`) as never, { params: Promise.resolve({}) } as never);

beforeEach(async () => {
  await database.reset();
  const row = await createUser({ email: "ada@example.com", name: "Ada Admin", role: "admin", mayBecomeFirstAdmin: false });
  admin = { id: row.id, email: row.email };
  const bob = await newUser("bob@example.com");
  await entryAt("2025-03-01T09:00:00.000Z", {
    action: "auth.sign_in",
    actorId: admin.id,
    details: { method: "password" },
    ipAddress: "10.0.0.1",
    userAgent: CHROME,
  });
  await entryAt("2025-03-02T09:00:00.000Z", {
    action: "auth.sign_in_failed",
    details: { reason: "InvalidCredentials", email: "eve@example.com" },
    ipAddress: "10.0.0.9",
  });
  await entryAt("2025-03-03T09:00:00.000Z", { action: "user.role_changed", actorId: admin.id, target: bob.id, details: { from: "user", to: "admin" } });
  await entryAt("2025-03-04T09:00:00.000Z", { action: "settings.changed", actorId: admin.id, target: "retention.days", details: { from: null, to: 30 } });
  await entryAt("2025-03-05T09:00:00.000Z", {
    action: "model.updated",
    actorId: bob.id,
    target: '=HYPERLINK("http://evil.test")',
    details: { fields: ["name"] },
  });
  await entryAt("2025-03-06T09:00:00.000Z", { action: "retention.ran", target: "conversations", details: { deleted: 3, days: 30 } });
});

describe(`audit log queries on ${testProvider()}`, () => {
  it("lists newest first and pages with a cursor without repeating or skipping", async () => {
    const first = await listAuditEntries({}, { limit: 4 });
    expect(first.entries.map((entry) => entry.action)).toEqual(["retention.ran", "model.updated", "settings.changed", "user.role_changed"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listAuditEntries({}, { cursor: first.nextCursor, limit: 4 });
    expect(second.entries.map((entry) => entry.action)).toEqual(["auth.sign_in_failed", "auth.sign_in"]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by action, actor email, date range and target text, combined", async () => {
    const actions = async (filters: Parameters<typeof listAuditEntries>[0]) =>
      (await listAuditEntries(filters, { limit: 50 })).entries.map((entry) => entry.action);
    expect(await actions({ action: "auth.sign_in" })).toEqual(["auth.sign_in"]);
    expect(await actions({ actor: "ADA@" })).toEqual(["settings.changed", "user.role_changed", "auth.sign_in"]);
    expect(await actions({ actor: "bob" })).toEqual(["model.updated"]);
    expect(await actions({ from: "2025-03-02", to: "2025-03-04" })).toEqual(["settings.changed", "user.role_changed", "auth.sign_in_failed"]);
    expect(await actions({ target: "RETENTION" })).toEqual(["settings.changed"]);
    expect(await actions({ actor: "ada", from: "2025-03-04" })).toEqual(["settings.changed"]);
    expect(await actions({ target: "100%_" })).toEqual([]);
  });

  it("takes % and _ in the target text literally", async () => {
    await entryAt("2025-03-07T09:00:00.000Z", { action: "model.deleted", target: "batch 1005" });
    await entryAt("2025-03-08T09:00:00.000Z", { action: "model.created", target: "ramp to 100%_now" });
    const targets = async (target: string) => (await listAuditEntries({ target }, { limit: 50 })).entries.map((entry) => entry.target);
    expect(await targets("100%_")).toEqual(["ramp to 100%_now"]);
    expect(await targets("100_")).toEqual([]);
    expect(await targets("1005")).toEqual(["batch 1005"]);
  });
});

describe(`GET /api/admin/audit on ${testProvider()}`, () => {
  it("answers 401 without a session and 403 to a plain user", async () => {
    actAs(null);
    expect((await fetchLog()).status).toBe(401);
    actAs(await newUser("carol@example.com"));
    expect((await fetchLog()).status).toBe(403);
    expect((await fetchLog("?format=csv")).status).toBe(403);
  });

  it("returns entries with who, a label, shortened user agent, and System/Unknown for entries without an actor", async () => {
    actAsAdmin();
    const response = await fetchLog("?limit=10");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const { entries } = (await response.json()) as { entries: AuditEntryView[] };
    const byAction = new Map(entries.map((entry) => [entry.action, entry]));
    expect(byAction.get("auth.sign_in")).toMatchObject({
      actor: { label: "Ada Admin", email: "ada@example.com" },
      actionLabel: "Signed in",
      ipAddress: "10.0.0.1",
      userAgent: CHROME,
      userAgentShort: "Chrome 131 on macOS",
      at: "2025-03-01T09:00:00.000Z",
    });
    expect(byAction.get("retention.ran")?.actor.label).toBe("System");
    const failed = byAction.get("auth.sign_in_failed");
    expect(failed?.actor).toMatchObject({ label: "Unknown", email: null });
    // PostgreSQL's jsonb keeps keys in its own order.
    expect(failed?.details.split("; ").sort()).toEqual(["email: eve@example.com", "reason: InvalidCredentials"]);
  });

  it("names a targeted user by name and email, keeping the id, also once the user is disabled (issue 16 item 11)", async () => {
    actAsAdmin();
    const dan = await createUser({ email: "dan@example.com", name: "Dan Disabled", role: "user", mayBecomeFirstAdmin: false });
    await setUserStatus({ id: dan.id, status: "disabled" });
    await recordAuditEvent({ action: "user.status_changed", actorId: admin.id, target: dan.id, details: { from: "active", to: "disabled" } });
    const { entries } = (await (await fetchLog("?limit=10")).json()) as { entries: AuditEntryView[] };
    expect(entries.find((entry) => entry.action === "user.status_changed")).toMatchObject({
      target: dan.id,
      targetUserLabel: "Dan Disabled <dan@example.com>",
    });
    expect(entries.find((entry) => entry.action === "user.role_changed")?.targetUserLabel).toBe("bob@example.com");
    // A target that is no user stays as it is.
    expect(entries.find((entry) => entry.action === "settings.changed")).toMatchObject({ target: "retention.days", targetUserLabel: null });
  });

  it("rejects bad filters and cursors with 400", async () => {
    actAsAdmin();
    for (const query of [
      "?from=yesterday",
      "?action=DROP TABLE",
      "?limit=1000",
      "?cursor=not-a-cursor",
      "?unknown=1",
      "?from=2025-03-05&to=2025-03-01",
      "?action=a.b&action=c.d",
    ]) {
      const response = await fetchLog(query);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
    }
  });

  it("exports CSV with every cell quoted and formulas neutralised, and records the export", async () => {
    actAsAdmin();
    const response = await fetchLog("?format=csv&actor=bob");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('"Time (UTC)","Actor","Actor email","Action","Action label","Target","Target user","Details","IP address","User agent"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(lines[1]).toContain('"bob@example.com","model.updated","Model changed"');
    const recorded = await getDb().auditLogEntry.findFirst({ where: { action: "audit.exported" } });
    expect(recorded).toMatchObject({ actorId: admin.id, details: { actor: "bob" } });
  });
});
