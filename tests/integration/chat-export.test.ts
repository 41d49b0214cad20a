import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getExport } from "@/app/(chat)/api/chat/[id]/export/route";
import type { ConversationExport } from "@/lib/chat/export";
import { exportFilename } from "@/lib/chat/export";
import { getDb } from "@/lib/db/client";
import { getOrCreateConversation } from "@/lib/db/conversations";
import { createAssistantMessage, finishAssistantMessage, insertUserMessage } from "@/lib/db/messages";
import { saveModel } from "@/lib/models/save-model";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser } from "../support/signed-in-user";

// GET /api/chat/[id]/export: Markdown and JSON downloads of the owner's conversation, nothing secret, nobody else's.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));

const database = useTestDatabase();
const API_KEY = "sk-export-test-secret";

afterAll(() => vi.unstubAllEnvs());
beforeEach(async () => {
  await database.reset();
  await saveModel({
    id: "azure",
    name: "GPT-4o",
    config: { provider: "azure-openai", endpoint: "http://127.0.0.1:1", deployment: "gpt-4o", apiKey: API_KEY },
    isDefault: true,
  });
});

const exportOf = (id: string, query = "?format=json") =>
  getExport(new Request(`http://localhost/api/chat/${id}/export${query}`), { params: Promise.resolve({ id }) });

/** A conversation with a question and a finished answer, a secret system prompt and a title. */
async function seedConversation(userId: string, title = "Parrots: care & feeding!") {
  const id = randomUUID();
  await getOrCreateConversation({ id, userId, modelId: "azure" });
  await getDb().conversation.update({ where: { id }, data: { title, titleIsSet: true, systemPrompt: "SECRET SYSTEM PROMPT" } });
  const asked = new Date("2025-05-01T10:00:00.000Z");
  await insertUserMessage({ id: randomUUID(), conversationId: id, text: "How do I look after a parrot?", createdAt: asked });
  const answerId = randomUUID();
  await createAssistantMessage({ id: answerId, conversationId: id, modelId: "azure", createdAt: new Date(asked.getTime() + 1) });
  await finishAssistantMessage(answerId, {
    status: "complete",
    text: "Fresh water, a varied diet and company.",
    finishReason: "stop",
    error: null,
    usage: { inputTokens: 12, outputTokens: 9, estimated: false },
    metadata: {},
  });
  await getDb().message.create({ data: { conversationId: id, role: "system", parts: [{ type: "text", text: "HIDDEN SYSTEM ROW" }], createdAt: new Date(0) } });
  return { id, answerId };
}

describe(`conversation export on ${testProvider()}`, () => {
  it("exports JSON as an attachment named after the title, with the messages and nothing secret", async () => {
    const ann = await newUser("ann@example.com");
    const { id, answerId } = await seedConversation(ann.id);
    actAs(ann);

    const response = await exportOf(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="parrots-care-feeding.json"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const text = await response.text();
    const body = JSON.parse(text) as ConversationExport;
    expect(body).toMatchObject({ title: "Parrots: care & feeding!", model: "azure" });
    expect(body.messages).toEqual([
      {
        id: expect.any(String),
        role: "user",
        text: "How do I look after a parrot?",
        model: null,
        status: "complete",
        createdAt: "2025-05-01T10:00:00.000Z",
        usage: null,
        feedback: null,
      },
      {
        id: answerId,
        role: "assistant",
        text: "Fresh water, a varied diet and company.",
        model: "azure",
        status: "complete",
        createdAt: "2025-05-01T10:00:00.001Z",
        usage: { inputTokens: 12, outputTokens: 9, estimated: false },
        feedback: null,
      },
    ]);
    for (const secret of ["SECRET SYSTEM PROMPT", "HIDDEN SYSTEM ROW", API_KEY, "127.0.0.1", ann.id]) expect(text).not.toContain(secret);
  });

  it("exports Markdown with a heading per message", async () => {
    const ann = await newUser("ann@example.com");
    const { id } = await seedConversation(ann.id);
    actAs(ann);

    const response = await exportOf(id, "?format=md");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="parrots-care-feeding.md"');
    const markdown = await response.text();
    expect(markdown).toMatch(/^# Parrots: care & feeding!\n/);
    expect(markdown).toContain("## You\n\nHow do I look after a parrot?\n");
    expect(markdown).toContain("## Assistant (azure)\n\nFresh water, a varied diet and company.\n");
    expect(markdown).not.toContain("SECRET SYSTEM PROMPT");
    expect(markdown).not.toContain("HIDDEN SYSTEM ROW");
  });

  it("answers 400 for a bad id or format (the session is read first: 401 without one)", async () => {
    actAs(null);
    expect((await exportOf("not-a-uuid")).status).toBe(401);
    actAs(await newUser("exporter@example.com"));
    expect((await exportOf("not-a-uuid")).status).toBe(400);
    const id = randomUUID();
    for (const query of ["", "?format=pdf", "?format=json&extra=1"]) {
      const response = await exportOf(id, query);
      expect(response.status).toBe(400);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("answers 401 without a session and 404 for another user's or a missing conversation", async () => {
    const ann = await newUser("ann@example.com");
    const bob = await newUser("bob@example.com");
    const { id } = await seedConversation(ann.id);

    actAs(null);
    const anonymous = await exportOf(id);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain("parrot");

    actAs(bob);
    for (const target of [id, randomUUID()]) {
      const response = await exportOf(target, "?format=md");
      expect(response.status).toBe(404);
      expect(response.headers.get("content-disposition")).toBeNull();
      expect(await response.text()).not.toContain("parrot");
    }
  });

  it("makes safe file names from any title", () => {
    expect(exportFilename("Café résumé — 2025/05", "md")).toBe("cafe-resume-2025-05.md");
    expect(exportFilename('"; rm -rf / \r\n', "json")).toBe("rm-rf.json");
    expect(exportFilename("日本語", "json")).toBe("conversation.json");
    expect(exportFilename("a".repeat(200), "md")).toBe(`${"a".repeat(80)}.md`);
  });
});
