import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { getDb } from "@/lib/db/client";
import { getConversationAccess, getOrCreateConversation, setConversationModel } from "@/lib/db/conversations";
import { createAssistantMessage, finishAssistantMessage, insertQuestionAndAnswer, insertUserMessage } from "@/lib/db/messages";
import { saveModel } from "@/lib/models/save-model";
import { testProvider, useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { actAs, newUser, type TestUser } from "../support/signed-in-user";
import { answerSettled } from "../support/wait-for";

// A first message stores its conversation without reading it again (the request just saw the id free) and its
// question and answer in one statement. These are the cases that shortcut must still get right: the conversation
// appearing between the check and the insert, a reused message id, and rows equal to those the single inserts store.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("@/lib/db/conversations", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/conversations")>();
  return { ...actual, getConversationAccess: vi.fn(actual.getConversationAccess) };
});

const database = useTestDatabase();
const fakes = useFakes();
let ann: TestUser;

beforeEach(async () => {
  await database.reset();
  fakes.reset();
  ann = await newUser("ann@example.com");
  actAs(ann);
  await saveModel({
    id: "azure",
    name: "GPT-4o",
    config: { provider: "azure-openai", endpoint: fakes.azure.url, deployment: "gpt-4o", apiKey: fakes.azure.apiKey },
    isDefault: true,
  });
});

function send(conversationId: string, messageId: string = randomUUID()) {
  return postChat(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ conversationId, modelId: "azure", message: { id: messageId, text: "Hello there" } }),
    }),
  );
}

/** The request sees the id free; then `meanwhile` runs (e.g. another instance's first message) before it stores. */
function beforeTheInsert(meanwhile: () => Promise<void>) {
  vi.mocked(getConversationAccess).mockImplementationOnce(async (userId, id) => {
    const actual = await vi.importActual<typeof import("@/lib/db/conversations")>("@/lib/db/conversations");
    const access = await actual.getConversationAccess(userId, id);
    await meanwhile();
    return access;
  });
}

/** A stored, answered first turn, the answer on show. */
async function storeTurn(userId: string, conversationId: string) {
  await getOrCreateConversation({ id: conversationId, userId, modelId: "azure" });
  const now = Date.now() - 1_000;
  const { answer } = await insertQuestionAndAnswer({
    conversationId,
    parentId: null,
    question: { id: randomUUID(), text: "Earlier question", createdAt: new Date(now) },
    answer: { id: randomUUID(), modelId: "azure", createdAt: new Date(now + 1) },
  });
  await finishAssistantMessage(answer.id, { status: "complete", text: "Earlier answer", finishReason: "stop", error: null, usage: null, metadata: {} });
  await setConversationModel(conversationId, "azure", answer.id);
  return answer.id;
}

describe(`a new chat's first message on ${testProvider()}`, () => {
  it("goes after the turn of a conversation the same user created between the check and the insert", async () => {
    const conversationId = randomUUID();
    let earlierAnswerId = "";
    beforeTheInsert(async () => {
      earlierAnswerId = await storeTurn(ann.id, conversationId);
    });

    const response = await send(conversationId);
    expect(response.status).toBe(200);
    await response.text();
    await answerSettled(conversationId);

    const rows = await getDb().message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => [row.role, row.status])).toEqual([
      ["user", "complete"],
      ["assistant", "complete"],
      ["user", "complete"],
      ["assistant", "complete"],
    ]);
    expect(rows[2]?.parentId).toBe(earlierAnswerId);
    expect(rows[3]?.parentId).toBe(rows[2]?.id);
    expect(await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ activeMessageId: rows[3]?.id });
  });

  it("is refused as not found when another user created the conversation meanwhile, which stays as it was", async () => {
    const bob = await newUser("bob@example.com");
    const conversationId = randomUUID();
    beforeTheInsert(async () => {
      await storeTurn(bob.id, conversationId);
    });

    const response = await send(conversationId);
    expect(response.status).toBe(404);
    expect(await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ userId: bob.id });
    expect(await getDb().message.count({ where: { conversationId } })).toBe(2);
  });

  it("refuses a reused message id (409) and leaves neither the conversation nor an answer behind", async () => {
    const first = randomUUID();
    const messageId = randomUUID();
    await (await send(first, messageId)).text();
    await answerSettled(first);

    const second = randomUUID();
    const again = await send(second, messageId);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("duplicate_message");
    expect(await getDb().conversation.count({ where: { id: second } })).toBe(0);
    expect(await getDb().message.count()).toBe(2);
    expect(await getDb().message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ conversationId: first });
  });

  it("stores the question and the answer as the single inserts do", async () => {
    const conversationId = randomUUID();
    await getOrCreateConversation({ id: conversationId, userId: ann.id, modelId: "azure" });
    const at = new Date("2025-03-04T05:06:07.089Z");
    const single = { question: randomUUID(), answer: randomUUID() };
    await insertUserMessage({ id: single.question, conversationId, parentId: null, text: "Grüße\u0000 🦜", createdAt: at });
    await createAssistantMessage({ id: single.answer, conversationId, parentId: single.question, modelId: "azure", createdAt: at });
    const combined = await insertQuestionAndAnswer({
      conversationId,
      parentId: null,
      question: { id: randomUUID(), text: "Grüße\u0000 🦜", createdAt: at },
      answer: { id: randomUUID(), modelId: "azure", createdAt: at },
    });
    expect(combined.answer.parentId).toBe(combined.question.id);

    const stored = (id: string) => getDb().message.findUniqueOrThrow({ where: { id }, omit: { id: true, parentId: true, updatedAt: true } });
    expect(await stored(combined.question.id)).toEqual(await stored(single.question));
    expect(await stored(combined.answer.id)).toEqual(await stored(single.answer));
    expect(await stored(combined.question.id)).toMatchObject({ parts: [{ type: "text", text: "Grüße 🦜" }], createdAt: at, usageIsEstimated: false });
  });
});
