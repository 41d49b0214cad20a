import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as deleteConversations } from "@/app/(chat)/api/account/conversations/route";
import { GET as exportData } from "@/app/(chat)/api/account/export/route";
import { DELETE as deleteAccount } from "@/app/(chat)/api/account/route";
import { getDb } from "@/lib/db/client";
import { createSession } from "@/lib/db/sessions";
import { recordUsage } from "@/lib/db/usage";
import { createUser } from "@/lib/db/users";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser, type TestUser } from "../support/signed-in-user";

// A user's own data: download all of it, delete all conversations, delete the account. Only ever their own.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();

let ann: TestUser;
let bob: TestUser;

beforeEach(async () => {
  await database.reset();
  ann = await newUser("ann@example.com");
  bob = await newUser("bob@example.com");
});

async function seed(user: TestUser, title: string) {
  const db = getDb();
  const id = randomUUID();
  await db.conversation.create({ data: { id, userId: user.id, title, systemPrompt: `SYSTEM PROMPT OF ${title}` } });
  const question = await db.message.create({ data: { conversationId: id, role: "user", parts: [{ type: "text", text: `question in ${title}` }] } });
  const answer = await db.message.create({
    data: {
      conversationId: id,
      parentId: question.id,
      role: "assistant",
      parts: [{ type: "text", text: `answer in ${title}` }],
      inputTokens: 3,
      outputTokens: 5,
      feedback: 1,
    },
  });
  await db.preset.create({ data: { userId: user.id, name: `preset of ${title}`, systemPrompt: "Be brief." } });
  await recordUsage({ userId: user.id, modelId: null, conversationId: id, messageId: answer.id, inputTokens: 3, outputTokens: 5, estimated: false });
  return id;
}

const request = (path: string, init?: RequestInit) =>
  new Request(`http://localhost${path}`, { headers: { "user-agent": "vitest", "x-forwarded-for": "10.9.8.7" }, ...init }) as never;
const jsonDelete = (path: string, body: unknown) =>
  request(path, { method: "DELETE", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

type AccountExport = {
  format: string;
  profile: Record<string, unknown>;
  presets: { name: string }[];
  conversations: { id: string; title: string; messages: { role: string; text: string; parentId: string | null; feedback: number | null }[] }[];
  usage: { conversationId: string; inputTokens: number }[];
};

describe(`GET /api/account/export on ${testProvider()}`, () => {
  it("answers 401 without a session", async () => {
    actAs(null);
    expect((await exportData(request("/api/account/export"), {} as never)).status).toBe(401);
  });

  it("downloads the user's own profile, conversations with messages, presets and usage; nobody else's, nothing secret", async () => {
    const annConversation = await seed(ann, "Ann's trip");
    await seed(bob, "Bob's secret plan");
    await getDb().user.update({ where: { id: ann.id }, data: { passwordHash: "scrypt$HASH-MUST-NOT-LEAK" } });
    actAs(ann);

    const response = await exportData(request("/api/account/export"), {} as never);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="my-chat-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const text = await response.text();
    const data = JSON.parse(text) as AccountExport;
    expect(data.format).toBe("chat-account-export/1");
    expect(data.profile).toMatchObject({ id: ann.id, email: "ann@example.com", role: "user", hasPassword: true });
    expect(data.conversations).toHaveLength(1);
    expect(data.conversations[0]).toMatchObject({ id: annConversation, title: "Ann's trip" });
    expect(data.conversations[0]?.messages.map((message) => [message.role, message.text])).toEqual([
      ["user", "question in Ann's trip"],
      ["assistant", "answer in Ann's trip"],
    ]);
    expect(data.conversations[0]?.messages[1]).toMatchObject({ feedback: 1, parentId: expect.any(String) });
    expect(data.presets.map((preset) => preset.name)).toEqual(["preset of Ann's trip"]);
    expect(data.usage).toEqual([expect.objectContaining({ conversationId: annConversation, inputTokens: 3 })]);
    for (const foreign of ["Bob", "bob@example.com", bob.id, "HASH-MUST-NOT-LEAK", "passwordHash"]) expect(text).not.toContain(foreign);

    const entry = await getDb().auditLogEntry.findFirst({ where: { action: "account.exported" } });
    expect(entry).toMatchObject({ actorId: ann.id, target: ann.id, ipAddress: "10.9.8.7", userAgent: "vitest" });
  });

  it("streams a large account as valid JSON", async () => {
    const db = getDb();
    await db.conversation.createMany({ data: Array.from({ length: 130 }, (_, index) => ({ id: randomUUID(), userId: ann.id, title: `chat ${index}` })) });
    actAs(ann);
    const data = JSON.parse(await (await exportData(request("/api/account/export"), {} as never)).text()) as AccountExport;
    expect(data.conversations).toHaveLength(130);
    expect(new Set(data.conversations.map((conversation) => conversation.id)).size).toBe(130);
    expect(data.usage).toEqual([]);
  });
});

describe(`DELETE /api/account/conversations on ${testProvider()}`, () => {
  it("needs the typed confirmation, then deletes only the caller's conversations and messages", async () => {
    await seed(ann, "one");
    await seed(ann, "two");
    const bobConversation = await seed(bob, "bob's");
    actAs(ann);
    for (const body of [{}, { confirmation: "delete" }, { confirmation: "DELETE", userId: bob.id }]) {
      expect((await deleteConversations(jsonDelete("/api/account/conversations", body), {} as never)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await getDb().conversation.count()).toBe(3);

    const response = await deleteConversations(jsonDelete("/api/account/conversations", { confirmation: "DELETE" }), {} as never);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deleted: 2 });
    expect((await getDb().conversation.findMany()).map((row) => row.id)).toEqual([bobConversation]);
    expect(await getDb().message.count()).toBe(2);
    // The account, presets and usage stay.
    expect(await getDb().preset.count({ where: { userId: ann.id } })).toBe(2);
    expect(await getDb().user.count({ where: { id: ann.id } })).toBe(1);
    const entry = await getDb().auditLogEntry.findFirst({ where: { action: "account.data_deleted" } });
    expect(entry).toMatchObject({ actorId: ann.id, details: { scope: "conversations", deleted: 2 } });
  });

  it("answers 401 without a session", async () => {
    actAs(null);
    expect((await deleteConversations(jsonDelete("/api/account/conversations", { confirmation: "DELETE" }), {} as never)).status).toBe(401);
  });
});

describe(`DELETE /api/account on ${testProvider()}`, () => {
  it("needs the caller's own email typed, then deletes the caller and their data only, and ends the session", async () => {
    await seed(ann, "ann's");
    await seed(bob, "bob's");
    await createSession({ userId: ann.id, maxAgeMs: 60_000 });
    actAs(ann);
    for (const body of [{}, { email: "bob@example.com" }, { email: "ann@example.com", id: bob.id }]) {
      expect((await deleteAccount(jsonDelete("/api/account", body), {} as never)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await getDb().user.count()).toBe(2);

    const response = await deleteAccount(jsonDelete("/api/account", { email: " ANN@example.com " }), {} as never);
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/chat\.session-token=;.*Max-Age=0/i);
    const db = getDb();
    expect((await db.user.findMany()).map((user) => user.email)).toEqual(["bob@example.com"]);
    expect(await db.session.count({ where: { userId: ann.id } })).toBe(0);
    for (const table of [db.conversation, db.preset, db.usageRecord] as const) {
      expect(await (table as typeof db.preset).count({ where: { userId: ann.id } })).toBe(0);
      expect(await (table as typeof db.preset).count({ where: { userId: bob.id } })).toBe(1);
    }
    const entry = await db.auditLogEntry.findFirst({ where: { action: "account.data_deleted" } });
    expect(entry).toMatchObject({ actorId: null, target: ann.id, details: { scope: "account", email: "ann@example.com" } });
  });

  it("refuses to delete the last active admin with a clear message, and allows it once there is another", async () => {
    const row = await createUser({ email: "boss@example.com", role: "admin", mayBecomeFirstAdmin: false });
    actAs({ id: row.id, email: row.email, role: "admin" });
    const refused = await deleteAccount(jsonDelete("/api/account", { email: "boss@example.com" }), {} as never);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { message: expect.stringContaining("only active administrator") } });
    expect(await getDb().user.count({ where: { id: row.id } })).toBe(1);

    await getDb().user.update({ where: { id: bob.id }, data: { role: "admin" } });
    expect((await deleteAccount(jsonDelete("/api/account", { email: "boss@example.com" }), {} as never)).status).toBe(200);
    expect(await getDb().user.count({ where: { id: row.id } })).toBe(0);
  });

  it("answers 401 without a session", async () => {
    actAs(null);
    expect((await deleteAccount(jsonDelete("/api/account", { email: "ann@example.com" }), {} as never)).status).toBe(401);
    expect(await getDb().user.count()).toBe(2);
  });
});
