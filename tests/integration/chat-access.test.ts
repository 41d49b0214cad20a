import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postStop } from "@/app/(chat)/api/chat/[id]/stop/route";
import { GET as getStream } from "@/app/(chat)/api/chat/[id]/stream/route";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { GET as getConversations } from "@/app/(chat)/api/conversations/route";
import { GET as getModels } from "@/app/(chat)/api/models/route";
import { listConversationSummaries, loadConversationView } from "@/lib/chat/conversation-view";
import type { ConversationSummary, ModelOption, SendMessageInput } from "@/lib/chat/types";
import { getDb } from "@/lib/db/client";
import { getConversationForUser, getOrCreateConversation } from "@/lib/db/conversations";
import { createAssistantMessage, insertUserMessage, markStreamingMessagesInterrupted } from "@/lib/db/messages";
import { saveStreamingTexts } from "@/lib/db/streaming-texts";
import { saveModel } from "@/lib/models/save-model";
import { defaultPolicyByBoundary } from "@/lib/privacy/policy";
import { FakeAzureOpenAI } from "@/tests/fakes/index";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser } from "../support/signed-in-user";

// Who may do what in the chat API (sign-in, ownership, model access, input validation), the sidebar list and the
// conversation view, and the start-up sweep of answers cut off by a restart.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));

const database = useTestDatabase();
const azure = new FakeAzureOpenAI();

beforeAll(async () => {
  await azure.start();
});
afterAll(async () => {
  await azure.close();
  vi.unstubAllEnvs();
});
beforeEach(async () => {
  await database.reset();
  azure.reset();
  await saveModel({
    id: "azure",
    name: "GPT-4o",
    config: { provider: "azure-openai", endpoint: azure.url, deployment: "gpt-4o", apiKey: azure.apiKey },
    isDefault: true,
  });
  await saveModel({ id: "j2", name: "Jurassic-2", config: { provider: "ai21", api: "chat", model: "j2-ultra", apiKey: "k" }, sortOrder: 1 });
  await saveModel({ id: "off", name: "Disabled", config: { provider: "ollama", endpoint: "http://127.0.0.1:1", model: "x" }, enabled: false });
});

function post(body: unknown): Promise<Response> {
  return postChat(new Request("http://localhost/api/chat", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) }));
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const resume = (id: string) => getStream(new Request(`http://localhost/api/chat/${id}/stream`), params(id));
const stop = (id: string) => postStop(new Request(`http://localhost/api/chat/${id}/stop`, { method: "POST" }), params(id));
const list = (query = "") => getConversations(new Request(`http://localhost/api/conversations${query}`));

function message(text: string, conversationId: string = randomUUID(), modelId = "azure"): SendMessageInput {
  return { conversationId, modelId, message: { id: randomUUID(), text } };
}

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string; cacheControl: string | null }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error, cacheControl: response.headers.get("cache-control") };
}

describe(`chat API access on ${testProvider()}`, () => {
  it("answers 401 without a session, on every route", async () => {
    actAs(null);
    const id = randomUUID();
    for (const response of [
      await post(message("Hi", id)),
      await resume(id),
      await stop(id),
      await list(),
      await getModels(new Request("http://localhost/api/models")),
    ]) {
      expect(await errorOf(response)).toEqual({ status: 401, code: "unauthorized", message: "Sign in to continue.", cacheControl: "private, no-store" });
    }
    expect(await getDb().conversation.count()).toBe(0);
  });

  it("answers 400 for input that does not validate (POST /api/chat: after the session, which is read before the body)", async () => {
    actAs(await newUser("ann@example.com"));
    expect(await errorOf(await post(message("   ")))).toMatchObject({ status: 400, code: "bad_request", message: "Type a message first." });
    expect(await errorOf(await post("{not json"))).toMatchObject({ status: 400, message: "The request body must be JSON." });
    expect((await post({ ...message("Hi"), conversationId: "../etc" })).status).toBe(400);
    expect((await post({ ...message("Hi"), extra: true })).status).toBe(400);
    expect((await post(message("x".repeat(100_001)))).status).toBe(400);
    expect((await resume("not-a-uuid")).status).toBe(400);
    expect((await stop("not-a-uuid")).status).toBe(400);
    expect((await list("?limit=0")).status).toBe(400);
    actAs(null);
    expect((await post(message("   "))).status).toBe(401);
    expect((await resume("not-a-uuid")).status).toBe(401);
  });

  it("answers 413 for a body over 1 MB, also when it is chunked and declares no length", async () => {
    actAs(await newUser("ann@example.com"));
    const huge = JSON.stringify(message("x".repeat(1_100_000)));
    expect(await errorOf(await post(huge))).toMatchObject({ status: 413, code: "payload_too_large" });
    const chunks = new TextEncoder().encode(huge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < chunks.length; at += 64_000) controller.enqueue(chunks.slice(at, at + 64_000));
        controller.close();
      },
    });
    const chunked = new Request("http://localhost/api/chat", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(chunked.headers.get("content-length")).toBeNull();
    expect(await errorOf(await postChat(chunked))).toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it("treats another user's conversation as not found: no message stored, no stream, no stop, no view", async () => {
    const ann = await newUser("ann@example.com");
    const bob = await newUser("bob@example.com");
    actAs(ann);
    const first = message("Ann's secret plan");
    await (await post(first)).text();

    actAs(bob);
    const intrusion = await post(message("Let me in", first.conversationId));
    expect(await errorOf(intrusion)).toMatchObject({ status: 404, code: "not_found" });
    expect((await resume(first.conversationId)).status).toBe(404);
    expect((await stop(first.conversationId)).status).toBe(404);
    expect(await getDb().message.count({ where: { conversationId: first.conversationId } })).toBe(2);
    expect(await loadConversationView(bob.id, first.conversationId)).toBeNull();
    expect(await getConversationForUser(bob.id, first.conversationId)).toBeNull();
    expect((await listConversationSummaries(bob.id, { limit: 10 })).conversations).toEqual([]);
    expect(await getOrCreateConversation({ id: first.conversationId, userId: bob.id, modelId: "azure" })).toBeNull();
  });

  it("answers 404 with a clear message for a model that is unknown or disabled, and creates nothing", async () => {
    actAs(await newUser("ann@example.com"));
    for (const modelId of ["no-such-model", "off"]) {
      const body = message("Hi", randomUUID(), modelId);
      expect(await errorOf(await post(body))).toMatchObject({
        status: 404,
        code: "model_unavailable",
        message: "This model is not available. Choose another model.",
      });
      expect(await getDb().conversation.count({ where: { id: body.conversationId } })).toBe(0);
    }
    expect(azure.requestCount).toBe(0);
  });

  it("lists the user's models for the picker, without anything secret", async () => {
    actAs(await newUser("ann@example.com"));
    const response = await getModels(new Request("http://localhost/api/models"));
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const models = (await response.json()) as ModelOption[];
    const external = { boundary: "external", privacyPolicy: defaultPolicyByBoundary.external };
    expect(models).toEqual([
      { id: "azure", name: "GPT-4o", provider: "azure-openai", isDefault: true, streaming: true, demo: false, ...external },
      { id: "j2", name: "Jurassic-2", provider: "ai21", isDefault: false, streaming: false, demo: false, ...external },
    ]);
    expect(JSON.stringify(models)).not.toContain(azure.apiKey);
  });
});

describe(`conversation list and view on ${testProvider()}`, () => {
  async function conversationAt(userId: string, title: string, updatedAt: Date, pinned = false) {
    const id = randomUUID();
    await getOrCreateConversation({ id, userId, modelId: "azure" });
    await getDb().conversation.update({ where: { id }, data: { title, pinned, updatedAt } });
    return id;
  }

  it("pages the sidebar pinned first, newest first, with a cursor, through the route", async () => {
    const ann = await newUser("ann@example.com");
    const bob = await newUser("bob@example.com");
    const base = Date.parse("2025-03-01T12:00:00.000Z");
    await conversationAt(ann.id, "old", new Date(base));
    await conversationAt(ann.id, "pinned old", new Date(base + 1_000), true);
    await conversationAt(ann.id, "new", new Date(base + 5_000));
    await conversationAt(ann.id, "same time a", new Date(base + 3_000));
    await conversationAt(ann.id, "same time b", new Date(base + 3_000));
    await conversationAt(ann.id, "pinned new", new Date(base + 4_000), true);
    await conversationAt(bob.id, "bob's", new Date(base + 9_000));
    actAs(ann);

    const titles: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await list(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { conversations: ConversationSummary[]; nextCursor: string | null };
      expect(page.conversations.length).toBeLessThanOrEqual(2);
      titles.push(...page.conversations.map((conversation) => conversation.title));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);

    expect(titles.slice(0, 3)).toEqual(["pinned new", "pinned old", "new"]);
    expect(titles.slice(3, 5).sort()).toEqual(["same time a", "same time b"]);
    expect(titles.slice(5)).toEqual(["old"]);
    expect(pages).toBe(3);

    const first = await listConversationSummaries(ann.id, { limit: 1 });
    expect(first.conversations[0]).toEqual({
      id: expect.any(String),
      title: "pinned new",
      modelId: "azure",
      pinned: true,
      updatedAt: new Date(base + 4_000).toISOString(),
    });
    expect((await list("?cursor=bm90LWEtY3Vyc29y")).status).toBe(400);
  });

  it("loads a conversation as UI messages, with generating false when nothing runs", async () => {
    const ann = await newUser("ann@example.com");
    actAs(ann);
    const body = message("How do I care for a parrot?");
    await (await post(body)).text();

    const view = await loadConversationView(ann.id, body.conversationId);
    expect(view?.conversation).toEqual({ id: body.conversationId, title: expect.any(String), modelId: "azure" });
    expect(view?.generating).toBe(false);
    expect(view?.messages.map((m) => [m.role, m.parts])).toEqual([
      ["user", [{ type: "text", text: "How do I care for a parrot?", state: "done" }]],
      ["assistant", [{ type: "text", text: azure.reply, state: "done" }]],
    ]);
    expect(view?.messages[0]?.id).toBe(body.message.id);
    expect(view?.messages[1]?.metadata).toMatchObject({
      status: "complete",
      modelId: "azure",
      usage: { estimated: false },
      timings: { totalMs: expect.any(Number) },
    });
  });
});

describe(`saveStreamingTexts on ${testProvider()}`, () => {
  it("saves many answers' text in one go and names the ones still streaming", async () => {
    const ann = await newUser("ann@example.com");
    const answerIds: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const conversationId = randomUUID();
      await getOrCreateConversation({ id: conversationId, userId: ann.id, modelId: "azure" });
      const answerId = randomUUID();
      await createAssistantMessage({ id: answerId, conversationId, modelId: "azure", createdAt: new Date() });
      answerIds.push(answerId);
    }
    const [first, second, stopped] = answerIds as [string, string, string];
    await getDb().message.update({ where: { id: stopped }, data: { status: "stopped", parts: [{ type: "text", text: "kept" }] } });
    const before = new Date(Date.now() - 1);

    const saved = await saveStreamingTexts([
      { messageId: first, text: "It's \"quoted\", 'single' and \\ back" },
      { messageId: second, text: "nul\u0000, lone \uD800, emoji 🎉" },
      { messageId: stopped, text: "late" },
      { messageId: randomUUID(), text: "gone" },
    ]);

    expect(saved).toEqual(new Set([first, second]));
    const rows = await getDb().message.findMany({ where: { id: { in: answerIds } }, select: { id: true, parts: true, updatedAt: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(first)?.parts).toEqual([{ type: "text", text: "It's \"quoted\", 'single' and \\ back" }]);
    expect(byId.get(second)?.parts).toEqual([{ type: "text", text: "nul, lone \uFFFD, emoji 🎉" }]);
    expect(byId.get(stopped)?.parts).toEqual([{ type: "text", text: "kept" }]);
    // Saved just now, so the sweep for answers another instance stopped writing leaves them alone.
    expect(byId.get(first)?.updatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(await markStreamingMessagesInterrupted({ updatedBefore: before })).toBe(0);
  });
});

describe(`markStreamingMessagesInterrupted on ${testProvider()}`, () => {
  it("marks answers left streaming by a previous process as interrupted, keeping their text", async () => {
    const ann = await newUser("ann@example.com");
    const conversationId = randomUUID();
    await getOrCreateConversation({ id: conversationId, userId: ann.id, modelId: "azure" });
    await insertUserMessage({ id: randomUUID(), conversationId, text: "Tell me a story", createdAt: new Date(Date.now() - 2) });
    const answerId = randomUUID();
    await createAssistantMessage({ id: answerId, conversationId, modelId: "azure", createdAt: new Date(Date.now() - 1) });
    expect(await saveStreamingTexts([{ messageId: answerId, text: "Once upon a" }])).toEqual(new Set([answerId]));

    expect(await markStreamingMessagesInterrupted({ updatedBefore: new Date(Date.now() - 60_000) })).toBe(0);
    expect(await markStreamingMessagesInterrupted()).toBe(1);
    expect(await markStreamingMessagesInterrupted()).toBe(0);
    const view = await loadConversationView(ann.id, conversationId);
    expect(view?.messages[1]).toMatchObject({ id: answerId, parts: [{ type: "text", text: "Once upon a" }], metadata: { status: "interrupted" } });

    // A late write of the old process cannot bring the text back to life.
    expect(await saveStreamingTexts([{ messageId: answerId, text: "Once upon a time" }])).toEqual(new Set());
    expect((await loadConversationView(ann.id, conversationId))?.messages[1]?.parts).toEqual([{ type: "text", text: "Once upon a", state: "done" }]);
  });
});
