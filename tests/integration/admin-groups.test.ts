import { beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as removeMember } from "@/app/(admin)/api/admin/groups/[id]/members/[userId]/route";
import { POST as addMember, GET as listMembers } from "@/app/(admin)/api/admin/groups/[id]/members/route";
import { DELETE as deleteGroupRoute, PATCH as patchGroup } from "@/app/(admin)/api/admin/groups/[id]/route";
import { POST as createGroupRoute, GET as listGroupsRoute } from "@/app/(admin)/api/admin/groups/route";
import { GET as getAccess, PUT as putAccess } from "@/app/(admin)/api/admin/settings/access/route";
import { getDb } from "@/lib/db/client";
import { jsonRequest, params } from "../support/admin-routes";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser } from "../support/signed-in-user";

// /api/admin/groups/** and /api/admin/settings/access: who may call them, validation, and what they change.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
beforeEach(() => database.reset());

const db = () => getDb();
const create = (body: unknown) => createGroupRoute(jsonRequest("/api/admin/groups", "POST", body), undefined);
const patch = (id: string, body: unknown) => patchGroup(jsonRequest(`/api/admin/groups/${id}`, "PATCH", body), params({ id }));
const add = (id: string, userId: string) => addMember(jsonRequest(`/api/admin/groups/${id}/members`, "POST", { userId }), params({ id }));

describe(`admin groups routes on ${testProvider()}`, () => {
  it("answers 401 without a session and 403 to a non-admin on every route", async () => {
    const plain = await newUser("plain@example.com");
    const group = await db().group.create({ data: { name: "staff" } });
    const calls = [
      () => listGroupsRoute(jsonRequest("/api/admin/groups", "GET"), undefined),
      () => create({ name: "new" }),
      () => patch(group.id, { role: "admin" }),
      () => deleteGroupRoute(jsonRequest(`/api/admin/groups/${group.id}`, "DELETE"), params({ id: group.id })),
      () => listMembers(jsonRequest(`/api/admin/groups/${group.id}/members`, "GET"), params({ id: group.id })),
      () => add(group.id, plain.id),
      () => removeMember(jsonRequest("/x", "DELETE"), params({ id: group.id, userId: plain.id })),
      () => getAccess(jsonRequest("/api/admin/settings/access", "GET"), undefined),
      () => putAccess(jsonRequest("/api/admin/settings/access", "PUT", { allowedEmailDomains: "", requireApproval: true }), undefined),
    ];
    for (const [actor, status] of [
      [null, 401],
      [plain, 403],
    ] as const) {
      actAs(actor);
      for (const call of calls) expect((await call()).status).toBe(status);
    }
    expect(await db().group.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ role: null });
    expect(await db().groupMember.count()).toBe(0);
    expect(await db().setting.count()).toBe(0);
  });

  it("creates a local group, adds and removes members, and maps it to admin, which promotes its members", async () => {
    const admin = await newUser("admin@example.com", "admin");
    const ann = await newUser("ann@example.com");
    const bob = await newUser("bob@example.com");
    actAs(admin);

    const created = await create({ name: "Research" });
    expect(created.status).toBe(201);
    const { group } = await created.json();
    expect(group).toMatchObject({ name: "Research", source: "local", role: null });
    expect((await create({ name: "Research" })).status).toBe(400);
    for (const bad of [{ name: "" }, { name: "a,b" }, { name: "x", role: "owner" }, {}]) expect((await create(bad)).status).toBe(400);

    expect((await add(group.id, ann.id)).status).toBe(201);
    expect((await add(group.id, bob.id)).status).toBe(201);
    expect((await add(group.id, "missing")).status).toBe(404);
    const members = await (await listMembers(jsonRequest("/x", "GET"), params({ id: group.id }))).json();
    expect(members.members.map((member: { email: string }) => member.email)).toEqual(["ann@example.com", "bob@example.com"]);

    expect((await removeMember(jsonRequest("/x", "DELETE"), params({ id: group.id, userId: bob.id }))).status).toBe(200);
    expect((await removeMember(jsonRequest("/x", "DELETE"), params({ id: group.id, userId: bob.id }))).status).toBe(404);

    expect((await patch(group.id, { role: "admin" })).status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: ann.id } })).role).toBe("admin");
    expect((await db().user.findUniqueOrThrow({ where: { id: bob.id } })).role).toBe("user");
    // A member added later to an admin group is promoted too.
    expect((await add(group.id, bob.id)).status).toBe(201);
    expect((await db().user.findUniqueOrThrow({ where: { id: bob.id } })).role).toBe("admin");

    const listed = await (await listGroupsRoute(jsonRequest("/x", "GET"), undefined)).json();
    expect(listed.groups).toEqual([expect.objectContaining({ name: "Research", role: "admin", memberCount: 2, source: "local" })]);
    expect((await patch(group.id, { role: "none" })).status).toBe(200);
    expect((await db().group.findUniqueOrThrow({ where: { id: group.id } })).role).toBeNull();
    expect((await patch(group.id, {})).status).toBe(400);

    expect((await deleteGroupRoute(jsonRequest("/x", "DELETE"), params({ id: group.id }))).status).toBe(200);
    expect(await db().groupMember.count()).toBe(0);
    const actions = (await db().auditLogEntry.findMany({ orderBy: { createdAt: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["group.created", "group.member_added", "group.member_removed", "group.updated", "group.deleted"]));
  });

  it("maps an IdP group to a role but neither renames nor deletes it", async () => {
    const admin = await newUser("admin@example.com", "admin");
    actAs(admin);
    const idp = await db().group.create({ data: { name: "chat-ops", source: "idp" } });
    expect((await patch(idp.id, { role: "admin" })).status).toBe(200);
    expect((await patch(idp.id, { name: "renamed" })).status).toBe(400);
    expect((await deleteGroupRoute(jsonRequest("/x", "DELETE"), params({ id: idp.id }))).status).toBe(400);
    expect(await db().group.findUniqueOrThrow({ where: { id: idp.id } })).toMatchObject({ name: "chat-ops", role: "admin" });
  });

  it("saves the domain allowlist and the approval rule, refusing bad domains and a list that locks the admin out", async () => {
    const admin = await newUser("admin@example.com", "admin");
    actAs(admin);
    const put = (body: unknown) => putAccess(jsonRequest("/api/admin/settings/access", "PUT", body), undefined);

    expect(await (await getAccess(jsonRequest("/x", "GET"), undefined)).json()).toMatchObject({ requireApproval: false, isDomainListFromEnv: true });
    const saved = await put({ allowedEmailDomains: "Example.com, corp.example.org\n@example.net", requireApproval: true });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({
      allowedEmailDomains: ["example.com", "corp.example.org", "example.net"],
      requireApproval: true,
      isDomainListFromEnv: false,
    });

    const lockout = await put({ allowedEmailDomains: "other.test", requireApproval: false });
    expect(lockout.status).toBe(400);
    expect((await lockout.json()).error.message).toMatch(/lock yourself out/);
    expect((await put({ allowedEmailDomains: "not a domain!", requireApproval: false })).status).toBe(400);
    expect((await put({ allowedEmailDomains: "", requireApproval: "yes" })).status).toBe(400);

    expect(await (await put({ allowedEmailDomains: "", requireApproval: false })).json()).toMatchObject({ allowedEmailDomains: [], requireApproval: false });
    expect(await db().auditLogEntry.count({ where: { action: "settings.changed", actorId: admin.id } })).toBe(2);
  });
});
