import { randomBytes, randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postStop } from "@/app/(chat)/api/chat/[id]/stop/route";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { PATCH as patchBranch } from "@/app/(chat)/api/conversations/[id]/branch/route";
import { GET as getMessages } from "@/app/(chat)/api/conversations/[id]/messages/route";
import { loadConversationView } from "@/lib/chat/conversation-view";
import { isGenerating } from "@/lib/chat/generation-registry";
import { storedText } from "@/lib/chat/stored-message";
import type { BranchMessages, ChatRequest, ChatUIMessage } from "@/lib/chat/types";
import { getDb } from "@/lib/db/client";
import { saveModel } from "@/lib/models/save-model";
import { ECHO_PHRASE } from "@/tests/fakes/echo";
import { FakeAzureOpenAI } from "@/tests/fakes/index";
import { magicPhrase } from "@/tests/fakes/scenarios";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser, type TestUser } from "../support/signed-in-user";
import { answerSettled, waitFor } from "../support/wait-for";

// Regenerate, edit and resend, and switching between alternatives: the chat routes against a fake Azure backend and
// a real database. Only the session lookup is replaced.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));

const database = useTestDatabase();
const azure = new FakeAzureOpenAI();
let ann: TestUser;
const SYSTEM_PROMPT = "Be brief.";

beforeAll(async () => {
  await azure.start(0);
});
afterAll(async () => {
  await azure.close();
  vi.unstubAllEnvs();
});
beforeEach(async () => {
  await waitFor(async () => !inFlight.some((id) => isGenerating(id)));
  await database.reset();
  azure.reset();
  ann = await newUser(`ann-${randomUUID()}@example.com`);
  actAs(ann);
  const config = {
    provider: "azure-openai" as const,
    endpoint: azure.url,
    deployment: "gpt-4o",
    apiKey: azure.apiKey,
    timeouts: { connectMs: 3_000, firstTokenMs: 20_000, idleMs: 20_000 },
  };
  await saveModel({ id: "azure", name: "GPT-4o", config, defaults: { systemPrompt: SYSTEM_PROMPT }, isDefault: true });
  await saveModel({ id: "azure-2", name: "GPT-4o again", config });
});

const inFlight: string[] = [];

function post(body: unknown): Promise<Response> {
  return postChat(new Request("http://localhost/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}

/** Sends and reads the whole answer; returns the response status. */
async function chat(body: ChatRequest): Promise<number> {
  inFlight.push(body.conversationId);
  const response = await post(body);
  await response.text();
  await answerSettled(body.conversationId);
  return response.status;
}

function ask(conversationId: string, text: string, extra: { parentId?: string | null } = {}) {
  const id = randomUUID();
  return { id, request: { conversationId, modelId: "azure", message: { id, text }, ...extra } satisfies ChatRequest };
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const asNext = (request: Request) => request as unknown as NextRequest;

function switchTo(conversationId: string, messageId: string): Promise<Response> {
  const request = new Request(`http://localhost/api/conversations/${conversationId}/branch`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messageId }),
  });
  return patchBranch(asNext(request), params(conversationId));
}

async function shownBranch(conversationId: string): Promise<ChatUIMessage[]> {
  const response = await getMessages(asNext(new Request(`http://localhost/api/conversations/${conversationId}/messages`)), params(conversationId));
  expect(response.status).toBe(200);
  return ((await response.json()) as BranchMessages).messages;
}

const textsOf = (messages: ChatUIMessage[]) => messages.map((message) => message.parts.map((part) => (part.type === "text" ? part.text : "")).join(""));

async function rows(conversationId: string) {
  return getDb().message.findMany({ where: { conversationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

async function activeMessageIdOf(conversationId: string) {
  return (await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } })).activeMessageId;
}

/** The chat messages the backend received with the last request (system prompt first). */
function lastPrompt(): Array<{ role: string; content: string }> {
  return (azure.requests.at(-1)?.json as { messages: Array<{ role: string; content: string }> }).messages;
}

/** A conversation of two exchanges; returns the ids in order. Echoed, unless a later message needs a scenario. */
async function twoExchanges({ echo = true } = {}) {
  const conversationId = randomUUID();
  const prefix = echo ? ECHO_PHRASE : "";
  const first = ask(conversationId, `${prefix}One`);
  await chat(first.request);
  const second = ask(conversationId, `${prefix}Two`);
  await chat(second.request);
  const [q1, a1, q2, a2] = await rows(conversationId);
  if (!q1 || !a1 || !q2 || !a2) throw new Error("expected four messages");
  return { conversationId, q1, a1, q2, a2 };
}

describe(`regenerate on ${testProvider()}`, () => {
  it("writes a new answer next to the old one, with the branch up to the question as history, and shows it", async () => {
    const { conversationId, q1, a1, q2, a2 } = await twoExchanges();
    expect([q1.parentId, a1.parentId, q2.parentId, a2.parentId]).toEqual([null, q1.id, a1.id, q2.id]);
    expect(await activeMessageIdOf(conversationId)).toBe(a2.id);

    expect(await chat({ conversationId, modelId: "azure-2", regenerate: { parentId: q2.id } })).toBe(200);

    const all = await rows(conversationId);
    expect(all).toHaveLength(5);
    const regenerated = all[4];
    expect(regenerated).toMatchObject({ role: "assistant", parentId: q2.id, modelId: "azure-2", status: "complete" });
    expect(storedText(regenerated?.parts)).toBe("Two");
    expect(await activeMessageIdOf(conversationId)).toBe(regenerated?.id);
    // The model picked for the new answer has no system prompt of its own.
    expect(lastPrompt()).toEqual([
      { role: "user", content: `${ECHO_PHRASE}One` },
      { role: "assistant", content: "One" },
      { role: "user", content: `${ECHO_PHRASE}Two` },
    ]);

    const shown = await shownBranch(conversationId);
    expect(shown.map((message) => message.id)).toEqual([q1.id, a1.id, q2.id, regenerated?.id]);
    expect(shown[3]?.metadata?.siblings).toEqual({ index: 2, count: 2, previousId: a2.id, nextId: null });
    expect(shown[2]?.metadata?.siblings).toBeUndefined();
  });

  it("refuses to regenerate from an answer (400), an unknown message or another user's (404), and never creates a conversation", async () => {
    const { conversationId, a2 } = await twoExchanges();
    const otherConversation = randomUUID();
    actAs(await newUser(`bob-${randomUUID()}@example.com`));
    const bobs = ask(otherConversation, "Bob's question");
    await chat(bobs.request);
    actAs(ann);

    const refusals = [
      { body: { conversationId, modelId: "azure", regenerate: { parentId: a2.id } }, status: 400 },
      { body: { conversationId, modelId: "azure", regenerate: { parentId: "no-such-message" } }, status: 404 },
      { body: { conversationId, modelId: "azure", regenerate: { parentId: bobs.id } }, status: 404 },
      { body: { conversationId: otherConversation, modelId: "azure", regenerate: { parentId: bobs.id } }, status: 404 },
      { body: { conversationId: randomUUID(), modelId: "azure", regenerate: { parentId: bobs.id } }, status: 404 },
      { body: { conversationId, modelId: "azure", regenerate: { parentId: "a'; DROP" } }, status: 400 },
    ];
    for (const { body, status } of refusals) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
    }
    expect(await getDb().message.count()).toBe(6);
    expect(await getDb().conversation.count()).toBe(2);
    expect(await activeMessageIdOf(conversationId)).toBe(a2.id);
  });
});

describe(`edit and resend on ${testProvider()}`, () => {
  it("stores the new version next to the old one, answers it with that branch only as history, and keeps the old branch", async () => {
    const { conversationId, q1, a1, q2, a2 } = await twoExchanges();
    const edited = ask(conversationId, `${ECHO_PHRASE}Two, better`, { parentId: a1.id });
    expect(await chat(edited.request)).toBe(200);

    const all = await rows(conversationId);
    const version = all.find((row) => row.id === edited.id);
    const answer = all.at(-1);
    expect(version).toMatchObject({ role: "user", parentId: a1.id });
    expect(answer).toMatchObject({ role: "assistant", parentId: edited.id });
    expect(storedText(answer?.parts)).toBe("Two, better");
    expect(lastPrompt().map((message) => message.content)).toEqual([SYSTEM_PROMPT, `${ECHO_PHRASE}One`, "One", `${ECHO_PHRASE}Two, better`]);

    const shown = await shownBranch(conversationId);
    expect(textsOf(shown)).toEqual([`${ECHO_PHRASE}One`, "One", `${ECHO_PHRASE}Two, better`, "Two, better"]);
    expect(shown[2]?.metadata?.siblings).toEqual({ index: 2, count: 2, previousId: q2.id, nextId: null });
    // The old branch is still there, whole.
    expect(all.filter((row) => row.id === q2.id || row.id === a2.id)).toHaveLength(2);
    expect(q1.parentId).toBeNull();
  });

  it("edits the first message into a new root with no history", async () => {
    const { conversationId, q1 } = await twoExchanges();
    const edited = ask(conversationId, `${ECHO_PHRASE}Zero`, { parentId: null });
    expect(await chat(edited.request)).toBe(200);

    expect(lastPrompt().map((message) => message.content)).toEqual([SYSTEM_PROMPT, `${ECHO_PHRASE}Zero`]);
    const shown = await shownBranch(conversationId);
    expect(textsOf(shown)).toEqual([`${ECHO_PHRASE}Zero`, "Zero"]);
    expect(shown[0]?.metadata?.siblings).toEqual({ index: 2, count: 2, previousId: q1.id, nextId: null });
  });

  it("refuses a parent that is a question (400) or not in this conversation (404), storing nothing", async () => {
    const { conversationId, q2 } = await twoExchanges();
    const elsewhere = await twoExchanges();
    for (const [parentId, status] of [
      [q2.id, 400],
      [elsewhere.a1.id, 404],
      ["missing", 404],
    ] as const) {
      const { id, request } = ask(conversationId, "New version", { parentId });
      expect((await post(request)).status, parentId).toBe(status);
      expect(await getDb().message.count({ where: { id } })).toBe(0);
    }
    expect(await getDb().message.count({ where: { conversationId } })).toBe(4);
  });
});

describe(`switching branches on ${testProvider()}`, () => {
  it("shows the newest branch under the chosen alternative, remembers it, and continues it with its own history", async () => {
    const { conversationId, q1, a1, q2, a2 } = await twoExchanges();
    const edited = ask(conversationId, `${ECHO_PHRASE}Two, better`, { parentId: a1.id });
    await chat(edited.request);
    await chat({ conversationId, modelId: "azure", regenerate: { parentId: q2.id } });
    const regenerated = (await rows(conversationId)).at(-1);

    const response = await switchTo(conversationId, q2.id);
    expect(response.status).toBe(200);
    const { messages } = (await response.json()) as BranchMessages;
    expect(messages.map((message) => message.id)).toEqual([q1.id, a1.id, q2.id, regenerated?.id]);
    expect(messages[2]?.metadata?.siblings).toEqual({ index: 1, count: 2, previousId: null, nextId: edited.id });
    expect(messages[3]?.metadata?.siblings).toEqual({ index: 2, count: 2, previousId: a2.id, nextId: null });
    expect(await activeMessageIdOf(conversationId)).toBe(regenerated?.id);

    // A reload shows the same branch.
    const view = await loadConversationView(ann.id, conversationId);
    expect(view?.messages.map((message) => message.id)).toEqual(messages.map((message) => message.id));

    await switchTo(conversationId, a2.id);
    expect((await shownBranch(conversationId)).map((message) => message.id)).toEqual([q1.id, a1.id, q2.id, a2.id]);

    // The next message follows the branch on show, and only that branch is sent.
    const next = ask(conversationId, `${ECHO_PHRASE}Three`);
    await chat(next.request);
    expect((await getDb().message.findUniqueOrThrow({ where: { id: next.id } })).parentId).toBe(a2.id);
    expect(lastPrompt().map((message) => message.content)).toEqual([
      SYSTEM_PROMPT,
      `${ECHO_PHRASE}One`,
      "One",
      `${ECHO_PHRASE}Two`,
      "Two",
      `${ECHO_PHRASE}Three`,
    ]);
  });

  it("does not change the conversation's place in the sidebar", async () => {
    const { conversationId, a2, q2 } = await twoExchanges();
    await chat({ conversationId, modelId: "azure", regenerate: { parentId: q2.id } });
    const before = (await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } })).updatedAt;
    expect((await switchTo(conversationId, a2.id)).status).toBe(200);
    expect((await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } })).updatedAt).toEqual(before);
  });

  it("answers 404 for another user's conversation or message, and 400 for a malformed id, changing nothing", async () => {
    const { conversationId, a2 } = await twoExchanges();
    const elsewhere = await twoExchanges();
    actAs(await newUser(`eve-${randomUUID()}@example.com`));
    expect((await switchTo(conversationId, a2.id)).status).toBe(404);
    const eveGet = await getMessages(asNext(new Request(`http://localhost/api/conversations/${conversationId}/messages`)), params(conversationId));
    expect(eveGet.status).toBe(404);
    actAs(ann);
    expect((await switchTo(conversationId, elsewhere.a1.id)).status).toBe(404);
    expect((await switchTo(conversationId, "x".repeat(200))).status).toBe(400);
    expect((await switchTo("not-a-uuid", a2.id)).status).toBe(400);
    expect(await activeMessageIdOf(conversationId)).toBe(a2.id);
    actAs(null);
    expect((await switchTo(conversationId, a2.id)).status).toBe(401);
  });
});

describe(`while an answer is being written on ${testProvider()}`, () => {
  it("refuses a regenerate, an edit and a branch switch (409) and stores nothing", async () => {
    const { conversationId, a1, q2, a2 } = await twoExchanges({ echo: false });
    azure.timings.slowFirstTokenMs = 15_000;
    const slow = ask(conversationId, `Think ${magicPhrase("slow-first-token")}`);
    inFlight.push(conversationId);
    const pending = await post(slow.request);
    expect(pending.status).toBe(200);
    const count = await getDb().message.count({ where: { conversationId } });

    const regenerate = await post({ conversationId, modelId: "azure", regenerate: { parentId: q2.id } });
    expect(regenerate.status).toBe(409);
    expect(((await regenerate.json()) as { error: { code: string } }).error.code).toBe("busy");
    expect((await post(ask(conversationId, "Edited", { parentId: a1.id }).request)).status).toBe(409);
    expect((await switchTo(conversationId, a2.id)).status).toBe(409);
    expect(await getDb().message.count({ where: { conversationId } })).toBe(count);

    await postStop(new Request(`http://localhost/api/chat/${conversationId}/stop`, { method: "POST" }), params(conversationId));
    await pending.text();
  });
});
