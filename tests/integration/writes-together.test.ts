import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { setTitleIfUnset } from "@/lib/db/conversations";
import { type AssistantOutcome, finishAssistantMessageWithUsage } from "@/lib/db/messages";
import type { UsageInput } from "@/lib/db/usage";
import { testProvider, useTestDatabase } from "../support/database";
import { newUser } from "../support/signed-in-user";

// The writes that go out together to spare a round trip (one statement on PostgreSQL): an answer's end with its
// usage row, a new chat's title with the title model's usage row. Each must write both, as the two calls did.

const database = useTestDatabase();
beforeEach(async () => {
  await database.reset();
});

async function seedAnswer(userId: string) {
  const conversationId = randomUUID();
  await getDb().conversation.create({ data: { id: conversationId, userId } });
  const answer = await getDb().message.create({ data: { conversationId, role: "assistant", status: "streaming", parts: [] } });
  return { conversationId, answerId: answer.id };
}

const outcome: AssistantOutcome = {
  status: "complete",
  text: "Forty-two.",
  finishReason: "stop",
  error: null,
  usage: { inputTokens: 12, outputTokens: 3, estimated: false },
  metadata: {},
};

function usageOf(userId: string, extra: Partial<UsageInput> = {}): UsageInput {
  return { userId, modelId: null, inputTokens: 12, outputTokens: 3, estimated: false, latencyMs: 40, ...extra };
}

describe(`writes that go together on ${testProvider()}`, () => {
  it("finishes an answer and records its usage row", async () => {
    const ann = await newUser("ann@example.com");
    const { conversationId, answerId } = await seedAnswer(ann.id);
    await finishAssistantMessageWithUsage(answerId, outcome, usageOf(ann.id, { conversationId, messageId: answerId }));

    const answer = await getDb().message.findUniqueOrThrow({ where: { id: answerId } });
    expect(answer).toMatchObject({ status: "complete", finishReason: "stop", parts: [{ type: "text", text: "Forty-two." }] });
    expect(await getDb().usageRecord.findMany({ select: { userId: true, messageId: true, conversationId: true, outputTokens: true } })).toEqual([
      { userId: ann.id, messageId: answerId, conversationId, outputTokens: 3 },
    ]);
  });

  it.runIf(testProvider() === "postgres")("writes neither the answer's end nor its usage when one of them fails", async () => {
    const ann = await newUser("ann@example.com");
    const { answerId } = await seedAnswer(ann.id);
    // A usage row for a user that does not exist breaks its foreign key: the whole statement fails.
    await expect(finishAssistantMessageWithUsage(answerId, outcome, usageOf("no-such-user", { messageId: answerId }))).rejects.toThrow();
    expect(await getDb().message.findUniqueOrThrow({ where: { id: answerId } })).toMatchObject({ status: "streaming" });
    expect(await getDb().usageRecord.count()).toBe(0);
  });

  it("sets an unset title with the title call's usage, and records a later call's usage without overwriting", async () => {
    const ann = await newUser("ann@example.com");
    const { conversationId } = await seedAnswer(ann.id);
    expect(await setTitleIfUnset(conversationId, "Meaning of life", usageOf(ann.id, { conversationId }))).toBe(true);
    expect(await setTitleIfUnset(conversationId, "Something else", usageOf(ann.id, { conversationId, outputTokens: 5 }))).toBe(false);
    expect(await setTitleIfUnset(conversationId, "Without a call")).toBe(false);

    expect(await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ title: "Meaning of life", titleIsSet: true });
    const rows = await getDb().usageRecord.findMany({ select: { outputTokens: true, messageId: true }, orderBy: { outputTokens: "asc" } });
    expect(rows).toEqual([
      { outputTokens: 3, messageId: null },
      { outputTokens: 5, messageId: null },
    ]);
  });
});
