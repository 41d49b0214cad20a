import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getExport } from "@/app/(chat)/api/chat/[id]/export/route";
import { POST as postFeedback } from "@/app/(chat)/api/messages/[id]/feedback/route";
import type { ConversationExport } from "@/lib/chat/export";
import { getDb } from "@/lib/db/client";
import { insertUserMessage } from "@/lib/db/messages";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser } from "../support/signed-in-user";

// POST /api/messages/[id]/feedback: thumbs up/down on an answer, by the owner of its conversation only.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();

beforeEach(async () => {
  await database.reset();
});

const rate = (id: string, body: unknown) =>
  postFeedback(new Request(`http://localhost/api/messages/${id}/feedback`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) }), {
    params: Promise.resolve({ id }),
  });

const storedFeedback = async (id: string) => (await getDb().message.findUniqueOrThrow({ where: { id } })).feedback;

async function seedAnswer(userId: string) {
  const conversationId = randomUUID();
  // No model: the conversation's model is optional, and ratings do not depend on it.
  await getDb().conversation.create({ data: { id: conversationId, userId } });
  const questionId = randomUUID();
  await insertUserMessage({ id: questionId, conversationId, text: "Hi", createdAt: new Date(1_000) });
  const answerId = randomUUID();
  await getDb().message.create({
    data: {
      id: answerId,
      conversationId,
      parentId: questionId,
      role: "assistant",
      parts: [{ type: "text", text: "Hello" }],
      status: "complete",
      createdAt: new Date(1_001),
    },
  });
  return { conversationId, questionId, answerId };
}

describe(`answer feedback on ${testProvider()}`, () => {
  it("stores thumbs up, thumbs down and none, and the export shows the latest", async () => {
    const ann = await newUser("ann@example.com");
    const { conversationId, answerId } = await seedAnswer(ann.id);
    actAs(ann);

    for (const value of [1, -1, null, 1] as const) {
      const response = await rate(answerId, { value });
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(await response.json()).toEqual({ id: answerId, value });
      expect(await storedFeedback(answerId)).toBe(value);
    }
    const exported = await getExport(new Request(`http://localhost/api/chat/${conversationId}/export?format=json`), {
      params: Promise.resolve({ id: conversationId }),
    });
    const body = (await exported.json()) as ConversationExport;
    expect(body.messages.map((message) => message.feedback)).toEqual([null, 1]);
  });

  it("answers 400 for a bad id or body (the session is read first: 401 without one)", async () => {
    actAs(null);
    expect((await rate(randomUUID(), "{not json")).status).toBe(401);
    actAs(await newUser("rater@example.com"));
    const id = randomUUID();
    for (const body of [{ value: 2 }, { value: 0 }, { value: "1" }, {}, { value: 1, extra: true }, "{not json"]) {
      const response = await rate(id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect((await rate("../etc", { value: 1 })).status).toBe(400);
  });

  it("answers 401 without a session and 404 for another user's or a missing message, changing nothing", async () => {
    const ann = await newUser("ann@example.com");
    const bob = await newUser("bob@example.com");
    const { answerId } = await seedAnswer(ann.id);

    actAs(null);
    expect((await rate(answerId, { value: 1 })).status).toBe(401);
    actAs(bob);
    expect((await rate(answerId, { value: -1 })).status).toBe(404);
    expect((await rate(randomUUID(), { value: -1 })).status).toBe(404);
    expect(await storedFeedback(answerId)).toBeNull();
  });

  it("refuses to rate the user's own message", async () => {
    const ann = await newUser("ann@example.com");
    const { questionId } = await seedAnswer(ann.id);
    actAs(ann);
    expect((await rate(questionId, { value: 1 })).status).toBe(400);
    expect(await storedFeedback(questionId)).toBeNull();
  });
});
