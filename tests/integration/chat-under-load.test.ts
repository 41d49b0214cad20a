import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { AnswerAdmission, replaceAnswerAdmission } from "@/lib/chat/admission";
import { isGenerating } from "@/lib/chat/generation-registry";
import { storedText } from "@/lib/chat/stored-message";
import type { SendMessageInput } from "@/lib/chat/types";
import { getDb } from "@/lib/db/client";
import { saveModel } from "@/lib/models/save-model";
import { FakeOpenAICompatible } from "@/tests/fakes/index";
import { useTestDatabase } from "../support/database";
import { signInNewUser } from "../support/signed-in-user";
import { parseSse, streamedText } from "../support/sse";
import { waitFor } from "../support/wait-for";

// Many answers at once through the chat route, the generation runner and a real database, against a fake vLLM:
// what must hold under load (every answer stored once and complete, usage once, nothing left streaming), and how
// admission control refuses what the instance cannot take (503 before anything is stored, never mid-answer).

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));

const database = useTestDatabase();
const fake = new FakeOpenAICompatible("vllm");
const REPLY = Array.from({ length: 20 }, (_, index) => `word${index}`).join(" ");
// This test is about what is stored, not about speed: on a loaded CI machine 100 answers in one process take a while.
const PATIENT = { connectMs: 60_000, firstTokenMs: 60_000, idleMs: 60_000 };
let defaultAdmission: AnswerAdmission;

beforeAll(async () => {
  await fake.start();
  defaultAdmission = replaceAnswerAdmission(new AnswerAdmission(1_000, 0, 10_000));
});
afterAll(async () => {
  replaceAnswerAdmission(defaultAdmission);
  await fake.close();
  vi.unstubAllEnvs();
});
beforeEach(async () => {
  await database.reset();
  fake.reset();
  fake.reply = REPLY;
  fake.timings.tokenDelayMs = 1;
  await signInNewUser();
  await saveModel({
    id: "vllm",
    name: "Llama 2 (vLLM)",
    config: { provider: "openai-compatible", endpoint: `${fake.url}/v1`, model: fake.servedModel, timeouts: PATIENT },
    isDefault: true,
  });
});

const started = new Set<string>();
afterEach(async () => {
  // Titles are written after the answer (its usage first): let every one end before the database is reset.
  const ids = [...started];
  await waitFor(() => ids.every((id) => !isGenerating(id)), 60_000);
  await waitFor(async () => (await getDb().conversation.count({ where: { id: { in: ids }, titleIsSet: false } })) === 0, 60_000);
  started.clear();
});

function newChat(text = "Hello there"): SendMessageInput {
  const conversationId = randomUUID();
  started.add(conversationId);
  return { conversationId, modelId: "vllm", message: { id: randomUUID(), text } };
}

function send(body: SendMessageInput): Promise<Response> {
  return postChat(new Request("http://localhost/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}

async function storedAnswers(conversationIds: string[]) {
  return getDb().message.findMany({ where: { conversationId: { in: conversationIds }, role: "assistant" } });
}

describe("100 simultaneous new chats", () => {
  it("stores every answer complete exactly once, records its usage once and leaves none streaming", { timeout: 120_000 }, async () => {
    const inputs = Array.from({ length: 100 }, () => newChat());
    const responses = await Promise.all(inputs.map(send));
    expect(responses.map((response) => response.status)).toEqual(inputs.map(() => 200));
    const bodies = await Promise.all(responses.map((response) => response.text()));
    for (const body of bodies) expect(streamedText(parseSse(body))).toBe(REPLY);

    const ids = inputs.map((input) => input.conversationId);
    await waitFor(() => ids.every((id) => !isGenerating(id)), 60_000);
    const answers = await storedAnswers(ids);
    expect(answers).toHaveLength(100);
    expect(new Set(answers.map((answer) => answer.conversationId)).size).toBe(100);
    for (const answer of answers) {
      expect(answer.status).toBe("complete");
      expect(storedText(answer.parts)).toBe(REPLY);
    }
    const usage = await getDb().usageRecord.findMany({ where: { messageId: { in: answers.map((answer) => answer.id) } } });
    expect(usage).toHaveLength(100);
    expect(new Set(usage.map((row) => row.messageId)).size).toBe(100);
    expect(await getDb().message.count({ where: { status: "streaming" } })).toBe(0);
    expect(await getDb().message.count({ where: { conversationId: { in: ids }, role: "user" } })).toBe(100);
  });
});

describe("admission control", () => {
  afterEach(() => {
    replaceAnswerAdmission(new AnswerAdmission(1_000, 0, 10_000));
  });

  it("queues what exceeds the limit, refuses what exceeds the queue with 503 and Retry-After, and stores nothing for it", async () => {
    replaceAnswerAdmission(new AnswerAdmission(2, 1, 60_000));
    fake.timings.tokenDelayMs = 10;
    const inputs = Array.from({ length: 4 }, () => newChat());
    const responses = await Promise.all(inputs.map(send));

    const refused = responses.filter((response) => response.status === 503);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.headers.get("retry-after")).toBe("5");
    expect(await refused[0]?.json()).toEqual({
      error: { code: "overloaded", message: "The service is busy right now. Try again in a moment.", retryAfterMs: 5_000 },
    });
    const accepted = responses.filter((response) => response.status === 200);
    expect(accepted).toHaveLength(3);
    for (const body of await Promise.all(accepted.map((response) => response.text()))) expect(streamedText(parseSse(body))).toBe(REPLY);

    const refusedId = inputs[responses.findIndex((response) => response.status === 503)]?.conversationId as string;
    expect(await getDb().conversation.count({ where: { id: refusedId } })).toBe(0);
    await waitFor(() => inputs.every((input) => !isGenerating(input.conversationId)), 60_000);
    const answers = await storedAnswers(inputs.map((input) => input.conversationId));
    expect(answers.map((answer) => answer.status)).toEqual(["complete", "complete", "complete"]);
  });

  it("gives back the slot of a message refused by its checks, so the next one is not kept waiting", async () => {
    const admission = new AnswerAdmission(1, 0, 60_000);
    replaceAnswerAdmission(admission);
    const refused = await send({ ...newChat(), modelId: "no-such-model" });
    expect(refused.status).toBe(404);
    expect(admission.counts).toEqual({ active: 0, queued: 0 });

    const accepted = await send(newChat());
    expect(accepted.status).toBe(200);
    expect(streamedText(parseSse(await accepted.text()))).toBe(REPLY);
  });

  it("refuses an answer that waited too long in the queue, and the running one still completes", async () => {
    replaceAnswerAdmission(new AnswerAdmission(1, 5, 100));
    fake.timings.tokenDelayMs = 20;
    const first = send(newChat());
    const running = await first;
    expect(running.status).toBe(200);
    const waiting = await send(newChat());
    expect(waiting.status).toBe(503);
    expect(streamedText(parseSse(await running.text()))).toBe(REPLY);
  });
});
