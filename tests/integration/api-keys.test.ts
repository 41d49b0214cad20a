import { beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as adminRevoke } from "@/app/(admin)/api/admin/api-keys/[id]/route";
import { GET as adminList } from "@/app/(admin)/api/admin/api-keys/route";
import { GET as getPolicy, PUT as putPolicy } from "@/app/(admin)/api/admin/settings/api-keys/route";
import { DELETE as revokeOwn } from "@/app/(chat)/api/account/api-keys/[id]/route";
import { POST as createOwn, GET as listOwn } from "@/app/(chat)/api/account/api-keys/route";
import { hashApiKey } from "@/lib/api-keys/key-material";
import { getDb } from "@/lib/db/client";
import { createLocalGroup } from "@/lib/db/groups";
import { jsonRequest, params } from "../support/admin-routes";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser, type TestUser } from "../support/signed-in-user";

// Personal API keys through the account and admin routes: shown once, stored hashed, owner-only, audited.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
let ann: TestUser;
let bob: TestUser;
let admin: TestUser;

beforeEach(async () => {
  await database.reset();
  ann = await newUser("ann@example.com");
  bob = await newUser("bob@example.com");
  admin = await newUser("root@example.com", "admin");
});

type Created = { key: string; apiKey: { id: string; name: string; prefix: string; state: string; expiresAt: string | null } };

async function create(body: unknown): Promise<Response> {
  return createOwn(jsonRequest("/api/account/api-keys", "POST", body), params({}));
}

describe(`personal API keys on ${testProvider()}`, () => {
  it("creates a key shown once, stores only its hash, and lists it without its value", async () => {
    actAs(ann);
    const response = await create({ name: "  laptop ", expiresInDays: 30, saveToHistory: true });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Created;
    expect(created.key).toMatch(/^sk-chat-[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({ name: "laptop", prefix: created.key.slice(0, 14), state: "active" });
    const days = (Date.parse(created.apiKey.expiresAt ?? "") - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } });
    expect(row.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);

    const listed = await (await listOwn(jsonRequest("/api/account/api-keys", "GET"), params({}))).text();
    expect(listed).toContain("laptop");
    expect(listed).not.toContain(created.key);
    expect(listed).not.toContain(row.keyHash);

    const audit = await getDb().auditLogEntry.findFirstOrThrow({ where: { action: "api_key.created" } });
    expect(audit).toMatchObject({ actorId: ann.id, target: row.id });
    expect(JSON.stringify(audit.details)).not.toContain(created.key);
  });

  it("refuses bad input naming the problem", async () => {
    actAs(ann);
    for (const body of [
      { name: " ", expiresInDays: null },
      { name: "x", expiresInDays: 0 },
      { name: "x", expiresInDays: 9999 },
      { name: "x", expiresInDays: null, extra: 1 },
    ]) {
      const response = await create(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    actAs(null);
    expect((await create({ name: "x", expiresInDays: null })).status).toBe(401);
  });

  it("lets only the owner revoke their key (another user's id is a 404), and an admin revoke any", async () => {
    actAs(ann);
    const { apiKey } = (await (await create({ name: "one", expiresInDays: null })).json()) as Created;
    actAs(bob);
    expect((await revokeOwn(jsonRequest(`/api/account/api-keys/${apiKey.id}`, "DELETE"), params({ id: apiKey.id }))).status).toBe(404);
    actAs(ann);
    expect((await revokeOwn(jsonRequest(`/api/account/api-keys/${apiKey.id}`, "DELETE"), params({ id: apiKey.id }))).status).toBe(200);
    expect((await revokeOwn(jsonRequest(`/api/account/api-keys/${apiKey.id}`, "DELETE"), params({ id: apiKey.id }))).status).toBe(404);

    const { apiKey: second } = (await (await create({ name: "two", expiresInDays: null })).json()) as Created;
    expect((await adminList(jsonRequest("/api/admin/api-keys", "GET"), params({}))).status).toBe(403);
    actAs(admin);
    const all = (await (await adminList(jsonRequest("/api/admin/api-keys", "GET"), params({}))).json()) as {
      keys: Array<{ id: string; state: string; owner: { email: string } }>;
    };
    expect(all.keys.map((key) => [key.owner.email, key.state])).toEqual([
      ["ann@example.com", "active"],
      ["ann@example.com", "revoked"],
    ]);
    expect((await adminRevoke(jsonRequest(`/api/admin/api-keys/${second.id}`, "DELETE"), params({ id: second.id }))).status).toBe(200);
    const actions = (await getDb().auditLogEntry.findMany({ where: { action: { startsWith: "api_key." } }, orderBy: { createdAt: "asc" } })).map((entry) => [
      entry.action,
      entry.actorId,
    ]);
    expect(actions).toEqual([
      ["api_key.created", ann.id],
      ["api_key.revoked", ann.id],
      ["api_key.created", ann.id],
      ["api_key.admin_revoked", admin.id],
    ]);
  });

  it("follows the admins' policy: off for everyone, or only for members of chosen groups", async () => {
    actAs(ann);
    expect((await (await listOwn(jsonRequest("/api/account/api-keys", "GET"), params({}))).json()) as { allowed: boolean }).toMatchObject({ allowed: true });
    expect((await putPolicy(jsonRequest("/api/admin/settings/api-keys", "PUT", { enabled: false, groupIds: [] }), params({}))).status).toBe(403);

    actAs(admin);
    const group = await createLocalGroup({ name: "engineers", role: null });
    expect((await putPolicy(jsonRequest("/api/admin/settings/api-keys", "PUT", { enabled: true, groupIds: ["missing"] }), params({}))).status).toBe(400);
    expect((await putPolicy(jsonRequest("/api/admin/settings/api-keys", "PUT", { enabled: true, groupIds: [group.id] }), params({}))).status).toBe(200);
    expect(await (await getPolicy(jsonRequest("/api/admin/settings/api-keys", "GET"), params({}))).json()).toEqual({ enabled: true, groupIds: [group.id] });

    actAs(ann);
    const refused = await create({ name: "x", expiresInDays: null });
    expect(refused.status).toBe(403);
    await getDb().groupMember.create({ data: { groupId: group.id, userId: ann.id } });
    expect((await create({ name: "x", expiresInDays: null })).status).toBe(201);

    actAs(admin);
    await putPolicy(jsonRequest("/api/admin/settings/api-keys", "PUT", { enabled: false, groupIds: [group.id] }), params({}));
    actAs(ann);
    expect((await create({ name: "y", expiresInDays: null })).status).toBe(403);
    expect(await getDb().auditLogEntry.count({ where: { action: "settings.changed", target: "apiKeys.policy" } })).toBe(2);
  });
});
