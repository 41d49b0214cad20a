import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as approve } from "@/app/(admin)/api/admin/users/[id]/approve/route";
import { DELETE as deleteUser, PATCH as patchUser } from "@/app/(admin)/api/admin/users/[id]/route";
import { POST as createAccount, GET as listUsers } from "@/app/(admin)/api/admin/users/route";
import { signInWithPassword } from "@/lib/auth/provision";
import { getDb } from "@/lib/db/client";
import { createSession, getActiveSessionWithUser } from "@/lib/db/sessions";
import { parseEnv } from "@/lib/env";
import { jsonRequest, params } from "../support/admin-routes";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser } from "../support/signed-in-user";

// /api/admin/users/**: list, pre-create, role, status, approve, delete; who may call them and what they change.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
beforeEach(() => database.reset());

const db = () => getDb();
const list = (query = "") => listUsers(jsonRequest(`/api/admin/users${query}`, "GET"), undefined);
const patch = (id: string, body: unknown) => patchUser(jsonRequest(`/api/admin/users/${id}`, "PATCH", body), params({ id }));
const remove = (id: string, body: unknown) => deleteUser(jsonRequest(`/api/admin/users/${id}`, "DELETE", body), params({ id }));

async function seedData(userId: string) {
  const conversation = await db().conversation.create({ data: { userId, title: "Mine" } });
  await db().message.create({ data: { conversationId: conversation.id, role: "user", parts: [{ type: "text", text: "hi" }] } });
  await db().usageRecord.create({ data: { userId, conversationId: conversation.id, inputTokens: 10, outputTokens: 5, costUsd: 0.25 } });
  await db().preset.create({ data: { userId, name: "Preset" } });
  await db().quota.create({ data: { userId, tokensPerDay: 100 } });
  await db().identity.create({ data: { userId, issuer: "https://idp.test", subject: `sub-${userId}` } });
  const group = await db().group.upsert({ where: { name: "staff" }, create: { name: "staff" }, update: {} });
  await db().groupMember.create({ data: { groupId: group.id, userId } });
  await createSession({ userId, maxAgeMs: 60_000 });
  return { conversationId: conversation.id };
}

describe(`admin users routes on ${testProvider()}`, () => {
  it("answers 401 without a session and 403 to a non-admin on every route", async () => {
    const plain = await newUser("plain@example.com");
    const target = await newUser("target@example.com");
    const calls = [
      () => list(),
      () => createAccount(jsonRequest("/api/admin/users", "POST", { email: "new@example.com" }), undefined),
      () => patch(target.id, { role: "admin" }),
      () => remove(target.id, { confirmEmail: target.email }),
      () => approve(jsonRequest(`/api/admin/users/${target.id}/approve`, "POST"), params({ id: target.id })),
    ];
    for (const [actor, status] of [
      [null, 401],
      [plain, 403],
    ] as const) {
      actAs(actor);
      for (const call of calls) expect((await call()).status).toBe(status);
    }
    expect(await db().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "user", status: "active" });
    expect(await db().user.count()).toBe(2);
  });

  it("lists users with search, filters, pagination, groups and this month's usage", async () => {
    const admin = await newUser("admin@example.com", "admin");
    actAs(admin);
    const ann = await newUser("ann@example.com");
    await db().user.update({ where: { id: ann.id }, data: { name: "Ann Smith" } });
    await seedData(ann.id);
    // Last month's usage does not count.
    await db().usageRecord.create({ data: { userId: ann.id, inputTokens: 1000, costUsd: 9, createdAt: new Date(Date.UTC(2000, 0, 1)) } });
    for (let index = 0; index < 26; index += 1) await newUser(`bulk${index}@example.com`);

    const byName = await (await list("?query=smith")).json();
    expect(byName.total).toBe(1);
    expect(byName.users[0]).toMatchObject({ email: "ann@example.com", tokensThisMonth: 15, costThisMonthUsd: 0.25, groups: [{ name: "staff" }] });
    expect(JSON.stringify(byName)).not.toContain("passwordHash");

    const admins = await (await list("?role=admin")).json();
    expect(admins.users.map((user: { email: string }) => user.email)).toEqual(["admin@example.com"]);

    const first = await (await list()).json();
    const second = await (await list("?page=2")).json();
    expect(first.total).toBe(28);
    expect(first.users).toHaveLength(25);
    expect(second.users).toHaveLength(3);
    expect(new Set([...first.users, ...second.users].map((user: { id: string }) => user.id)).size).toBe(28);

    expect((await list("?role=owner")).status).toBe(400);
    expect((await list("?page=0")).status).toBe(400);
  });

  it("pre-creates a local account the user can sign in with, with a typed or a generated password", async () => {
    const admin = await newUser("admin@example.com", "admin");
    actAs(admin);
    const env = parseEnv({ LOCAL_ACCOUNTS: "true" });

    const typed = await createAccount(
      jsonRequest("/api/admin/users", "POST", { email: "Typed@Example.com", name: "Ty", role: "user", password: "correct horse battery" }),
      undefined,
    );
    expect(typed.status).toBe(201);
    expect(await typed.json()).toMatchObject({ user: { email: "typed@example.com", role: "user" }, generatedPassword: null });
    expect(await signInWithPassword({ email: "typed@example.com", password: "correct horse battery" }, env)).toMatchObject({ ok: true });

    const generated = await createAccount(jsonRequest("/api/admin/users", "POST", { email: "gen@example.com", role: "admin" }), undefined);
    const body = await generated.json();
    expect(body.generatedPassword).toMatch(/^[\w-]{16}$/);
    expect(await signInWithPassword({ email: "gen@example.com", password: body.generatedPassword }, env)).toMatchObject({ ok: true });
    expect((await db().user.findUniqueOrThrow({ where: { email: "gen@example.com" } })).role).toBe("admin");

    const audit = await db().auditLogEntry.findMany({ where: { action: "user.created" } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(body.generatedPassword);

    const taken = await createAccount(jsonRequest("/api/admin/users", "POST", { email: "gen@example.com" }), undefined);
    expect(taken.status).toBe(400);
    expect((await taken.json()).error.message).toMatch(/already exists/);
    for (const bad of [
      { email: "not-an-email" },
      { email: "x@example.com", password: "short" },
      { email: "x@example.com", password: "password12345" },
      { email: "x@example.com", role: "owner" },
      "{nope",
    ]) {
      expect((await createAccount(jsonRequest("/api/admin/users", "POST", bad), undefined)).status).toBe(400);
    }
  });

  it("promotes and demotes, but never demotes or disables oneself or the last active admin", async () => {
    const admin = await newUser("admin@example.com", "admin");
    const bob = await newUser("bob@example.com");
    actAs(admin);

    const self = await patch(admin.id, { role: "user" });
    expect(self.status).toBe(400);
    expect((await self.json()).error.message).toMatch(/your own account/);
    expect((await patch(admin.id, { status: "disabled" })).status).toBe(400);

    expect((await patch(bob.id, { role: "admin" })).status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: bob.id } })).role).toBe("admin");
    expect((await patch(bob.id, { role: "user" })).status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: bob.id } })).role).toBe("user");

    // Another admin acting on the last active admin is refused with a clear message.
    await db().user.update({ where: { id: admin.id }, data: { status: "disabled" } });
    await db().user.update({ where: { id: bob.id }, data: { role: "admin" } });
    const other = await newUser("other@example.com", "admin");
    await db().user.update({ where: { id: other.id }, data: { status: "disabled" } });
    actAs(other);
    const last = await patch(bob.id, { role: "user" });
    expect(last.status).toBe(400);
    expect((await last.json()).error.message).toMatch(/last active administrator/);
    expect((await patch(bob.id, { status: "disabled" })).status).toBe(400);
    expect((await remove(bob.id, { confirmEmail: bob.email })).status).toBe(400);
    expect(await db().user.findUniqueOrThrow({ where: { id: bob.id } })).toMatchObject({ role: "admin", status: "active" });

    const actions = (await db().auditLogEntry.findMany({ where: { action: "user.role_changed" } })).map((entry) => entry.details);
    expect(actions).toEqual([
      { from: "user", to: "admin" },
      { from: "admin", to: "user" },
    ]);
    expect((await patch(bob.id, { role: "owner" })).status).toBe(400);
    expect((await patch(bob.id, { role: "user", status: "active" })).status).toBe(400);
    expect((await patch("missing-user", { role: "user" })).status).toBe(404);
  });

  it("disabling ends the user's sessions at once; enabling lets them sign in again", async () => {
    const admin = await newUser("admin@example.com", "admin");
    const bob = await newUser("bob@example.com");
    const session = await createSession({ userId: bob.id, maxAgeMs: 60_000 });
    const adminSession = await createSession({ userId: admin.id, maxAgeMs: 60_000 });
    actAs(admin);

    expect((await patch(bob.id, { status: "disabled" })).status).toBe(200);
    expect(await getActiveSessionWithUser({ id: session.id })).toBeNull();
    expect(await db().session.count({ where: { userId: bob.id } })).toBe(0);
    expect(await getActiveSessionWithUser({ id: adminSession.id })).not.toBeNull();

    expect((await patch(bob.id, { status: "active" })).status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: bob.id } })).status).toBe("active");
    expect(await db().auditLogEntry.count({ where: { action: "user.status_changed", target: bob.id } })).toBe(2);
  });

  it("approves a pending user, and only a pending one", async () => {
    const admin = await newUser("admin@example.com", "admin");
    const pending = await newUser("pending@example.com");
    await db().user.update({ where: { id: pending.id }, data: { status: "pending" } });
    actAs(admin);
    const approveCall = (id: string) => approve(jsonRequest(`/api/admin/users/${id}/approve`, "POST"), params({ id }));

    expect((await patch(pending.id, { status: "active" })).status).toBe(400);
    expect((await approveCall(pending.id)).status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("active");
    expect((await approveCall(pending.id)).status).toBe(400);
    expect((await approveCall("missing")).status).toBe(404);
    expect(await db().auditLogEntry.count({ where: { action: "user.approved", target: pending.id, actorId: admin.id } })).toBe(1);
  });

  it("deletes a user with all their data in one go, keeps their audit entries and leaves others' data", async () => {
    const admin = await newUser("admin@example.com", "admin");
    const doomed = await newUser("doomed@example.com");
    const kept = await newUser("kept@example.com");
    await seedData(doomed.id);
    await seedData(kept.id);
    await db().auditLogEntry.create({ data: { action: "auth.sign_in", actorId: doomed.id } });
    actAs(admin);

    const mismatch = await remove(doomed.id, { confirmEmail: "someone@example.com" });
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).error.message).toMatch(/does not match/);
    expect((await remove(doomed.id, {})).status).toBe(400);
    expect((await remove(admin.id, { confirmEmail: admin.email })).status).toBe(400);

    expect((await remove(doomed.id, { confirmEmail: "DOOMED@example.com" })).status).toBe(200);
    const countFor = async (userId: string) => ({
      user: await db().user.count({ where: { id: userId } }),
      conversations: await db().conversation.count({ where: { userId } }),
      messages: await db().message.count({ where: { conversation: { userId } } }),
      usage: await db().usageRecord.count({ where: { userId } }),
      sessions: await db().session.count({ where: { userId } }),
      identities: await db().identity.count({ where: { userId } }),
      memberships: await db().groupMember.count({ where: { userId } }),
      presets: await db().preset.count({ where: { userId } }),
      quota: await db().quota.count({ where: { userId } }),
    });
    expect(await countFor(doomed.id)).toEqual({
      user: 0,
      conversations: 0,
      messages: 0,
      usage: 0,
      sessions: 0,
      identities: 0,
      memberships: 0,
      presets: 0,
      quota: 0,
    });
    expect(await countFor(kept.id)).toEqual({
      user: 1,
      conversations: 1,
      messages: 1,
      usage: 1,
      sessions: 1,
      identities: 1,
      memberships: 1,
      presets: 1,
      quota: 1,
    });
    expect(await db().message.count()).toBe(1);
    // The entry the user made stays, without an actor; the deletion itself is recorded.
    expect(await db().auditLogEntry.count({ where: { action: "auth.sign_in", actorId: null } })).toBe(1);
    expect(await db().auditLogEntry.count({ where: { action: "user.deleted", target: doomed.id, actorId: admin.id } })).toBe(1);
    expect((await remove(doomed.id, { confirmEmail: doomed.email })).status).toBe(404);
  });
});
