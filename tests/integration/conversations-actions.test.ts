import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/(chat)/api/conversations/[id]/route";
import { listConversationSummaries } from "@/lib/chat/conversation-view";
import { claimGeneration, isGenerating, releaseGeneration } from "@/lib/chat/generation-registry";
import { getDb } from "@/lib/db/client";
import { setTitleIfUnset } from "@/lib/db/conversations";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser } from "../support/signed-in-user";

// Rename, pin and delete from the sidebar: validation, sign-in and ownership in that order, and what each changes.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
beforeEach(async () => {
  await database.reset();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const patch = (id: string, body: unknown) =>
  patchRoute(
    new Request(`http://localhost/api/conversations/${id}`, { method: "PATCH", body: typeof body === "string" ? body : JSON.stringify(body) }),
    params(id),
  );
const remove = (id: string) => deleteRoute(new Request(`http://localhost/api/conversations/${id}`, { method: "DELETE" }), params(id));

const lastWeek = new Date(Date.now() - 7 * 24 * 3600_000);

async function seedConversation(userId: string, title = "Old title") {
  const id = randomUUID();
  await getDb().conversation.create({ data: { id, userId, title, updatedAt: lastWeek } });
  await getDb().message.create({ data: { conversationId: id, role: "user", parts: [{ type: "text", text: "Hello there" }] } });
  return id;
}

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, code: body.error.code, cacheControl: response.headers.get("cache-control") };
}

describe(`conversation actions on ${testProvider()}`, () => {
  it("renames with a trimmed title that the automatic title never overwrites, keeping the date", async () => {
    const ann = await newUser("ann@example.com");
    actAs(ann);
    const id = await seedConversation(ann.id);
    const response = await patch(id, { title: "  Budget 2027  " });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toMatchObject({ id, title: "Budget 2027", pinned: false, updatedAt: lastWeek.toISOString() });
    expect(await setTitleIfUnset(id, "Automatic title")).toBe(false);
    expect(await getDb().conversation.findUnique({ where: { id } })).toMatchObject({ title: "Budget 2027", titleIsSet: true });
  });

  it("pins and unpins: a pinned conversation leads the sidebar", async () => {
    const ann = await newUser("ann@example.com");
    actAs(ann);
    const older = await seedConversation(ann.id, "Older");
    const newer = randomUUID();
    await getDb().conversation.create({ data: { id: newer, userId: ann.id, title: "Newer" } });
    expect((await listConversationSummaries(ann.id, { limit: 10 })).conversations.map((c) => c.id)).toEqual([newer, older]);

    expect(await (await patch(older, { pinned: true })).json()).toMatchObject({ pinned: true, title: "Older" });
    expect((await listConversationSummaries(ann.id, { limit: 10 })).conversations.map((c) => c.id)).toEqual([older, newer]);
    expect(await getDb().conversation.findUnique({ where: { id: older } })).toMatchObject({ titleIsSet: false });

    await patch(older, { pinned: false });
    expect((await listConversationSummaries(ann.id, { limit: 10 })).conversations.map((c) => c.id)).toEqual([newer, older]);
  });

  it("deletes the conversation with its messages", async () => {
    const ann = await newUser("ann@example.com");
    actAs(ann);
    const id = await seedConversation(ann.id);
    const response = await remove(id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deleted: true });
    expect(await getDb().conversation.count({ where: { id } })).toBe(0);
    expect(await getDb().message.count({ where: { conversationId: id } })).toBe(0);
    expect((await remove(id)).status).toBe(404);
  });

  it("stops an answer being written before deleting its conversation", async () => {
    const ann = await newUser("ann@example.com");
    actAs(ann);
    const id = await seedConversation(ann.id);
    const generation = claimGeneration(id, ann.id);
    if (!generation) throw new Error("the slot should be free");
    let storedAfterAbort = false;
    // Like the generation runner: on abort, the partial answer is saved a moment later and the slot freed.
    generation.abortController.signal.addEventListener("abort", () => {
      setTimeout(() => {
        storedAfterAbort = true;
        releaseGeneration(generation);
      }, 50);
    });
    expect((await remove(id)).status).toBe(200);
    expect(generation.abortController.signal.aborted).toBe(true);
    expect(storedAfterAbort).toBe(true);
    expect(isGenerating(id)).toBe(false);
    expect(await getDb().conversation.count({ where: { id } })).toBe(0);
  });

  it("answers 404 for another user's conversation and changes nothing", async () => {
    const ann = await newUser("ann@example.com");
    const bob = await newUser("bob@example.com");
    const id = await seedConversation(ann.id);
    actAs(bob);
    expect(await errorOf(await patch(id, { title: "Mine now" }))).toEqual({ status: 404, code: "not_found", cacheControl: "private, no-store" });
    expect(await errorOf(await patch(id, { pinned: true }))).toMatchObject({ status: 404 });
    expect(await errorOf(await remove(id))).toMatchObject({ status: 404, code: "not_found" });
    expect((await patch(randomUUID(), { pinned: true })).status).toBe(404);
    expect(await getDb().conversation.findUnique({ where: { id } })).toMatchObject({ title: "Old title", pinned: false, titleIsSet: false });
  });

  it("answers 401 without a session, after validation", async () => {
    const ann = await newUser("ann@example.com");
    const id = await seedConversation(ann.id);
    actAs(null);
    expect(await errorOf(await patch(id, { title: "x" }))).toMatchObject({ status: 401, code: "unauthorized" });
    expect(await errorOf(await remove(id))).toMatchObject({ status: 401, code: "unauthorized" });
    expect(await getDb().conversation.count({ where: { id } })).toBe(1);
  });

  it("answers 400 for a body or id that does not validate (the session is read first: 401 without one)", async () => {
    actAs(null);
    expect((await patch(randomUUID(), "{not json")).status).toBe(401);
    actAs(await newUser("editor@example.com"));
    const id = randomUUID();
    for (const body of [{}, { title: "   " }, { title: "x".repeat(201) }, { pinned: "yes" }, { title: "ok", extra: 1 }, "{not json", null, []]) {
      expect(await errorOf(await patch(id, body)), JSON.stringify(body)).toMatchObject({ status: 400, code: "bad_request" });
    }
    expect((await patch("not-a-uuid", { pinned: true })).status).toBe(400);
    expect((await remove("../etc")).status).toBe(400);
  });
});
