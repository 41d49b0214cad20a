import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postStop } from "@/app/(chat)/api/chat/[id]/stop/route";
import { GET as getStream } from "@/app/(chat)/api/chat/[id]/stream/route";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { POST as postChoose } from "@/app/(chat)/api/compare/[conversationId]/choose/route";
import { POST as postCompare } from "@/app/(chat)/api/compare/route";
import { messageText } from "@/components/chat/message-text";
import { localTokenizer } from "@/lib/ai/tokens/local-tokenizers";
import type { CompareResponse } from "@/lib/chat/compare-input";
import { isGenerating } from "@/lib/chat/generation-registry";
import { storedText } from "@/lib/chat/stored-message";
import { getDb } from "@/lib/db/client";
import { saveModel } from "@/lib/models/save-model";
import { testProvider, useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { actAs, newUser, type TestUser } from "../support/signed-in-user";
import { parseSse, uiMessageOf } from "../support/sse";
import { answerSettled, waitFor } from "../support/wait-for";

// POST /api/compare end to end: the route handlers, the generation runner and the database, against the fake
// backends. Only the session lookup is replaced (it needs a Next.js request scope).

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
const fakes = useFakes();
let ann: TestUser;

const TIMEOUTS = { connectMs: 3_000, firstTokenMs: 3_000, idleMs: 3_000 };
const inFlight = new Set<string>();

beforeAll(async () => {
  // Warm, as a running server is: loading a vocabulary blocks the event loop for seconds on a busy machine.
  await Promise.all((["o200k", "llama2"] as const).map((kind) => localTokenizer(kind)));
});
beforeEach(async () => {
  for (const id of inFlight) await settled(id);
  inFlight.clear();
  await database.reset();
  fakes.reset();
  ann = await newUser("ann@example.com");
  actAs(ann);
  await saveModel({
    id: "azure",
    name: "GPT-4o",
    config: { provider: "azure-openai", endpoint: fakes.azure.url, deployment: "gpt-4o", apiKey: fakes.azure.apiKey, timeouts: TIMEOUTS },
    isDefault: true,
  });
  await saveModel({ id: "tgi", name: "Llama 2 (TGI)", config: { provider: "tgi", endpoint: fakes.tgi.url, timeouts: TIMEOUTS } });
  await saveModel({
    id: "j2",
    name: "Jurassic-2 Ultra",
    config: { provider: "ai21", api: "chat", endpoint: `${fakes.ai21.url}/studio/v1`, model: "j2-ultra", apiKey: fakes.ai21.apiKey, timeouts: TIMEOUTS },
  });
  await saveModel({
    id: "azure-bad-key",
    name: "GPT-4o (wrong key)",
    config: { provider: "azure-openai", endpoint: fakes.azure.url, deployment: "gpt-4o", apiKey: "not-the-key-0123", timeouts: TIMEOUTS },
  });
  await saveModel({
    id: "retired",
    name: "Retired",
    enabled: false,
    config: { provider: "tgi", endpoint: fakes.tgi.url, timeouts: TIMEOUTS },
  });
});

function compare(body: unknown): Promise<Response> {
  const id = (body as { conversationId?: unknown }).conversationId;
  if (typeof id === "string") inFlight.add(id);
  const request = new Request("http://localhost/api/compare", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return postCompare(request as never, undefined as never);
}

async function startRun(modelIds: string[], prompt = "Compare yourselves", conversationId: string = randomUUID()) {
  const response = await compare({ conversationId, prompt, modelIds });
  expect(response.status).toBe(201);
  return { conversationId, run: (await response.json()) as CompareResponse };
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const streamOf = (id: string, messageId?: string) =>
  getStream(new Request(`http://localhost/api/chat/${id}/stream${messageId ? `?messageId=${encodeURIComponent(messageId)}` : ""}`), params(id));
const stop = (id: string, messageId?: string) =>
  postStop(new Request(`http://localhost/api/chat/${id}/stop${messageId ? `?messageId=${messageId}` : ""}`, { method: "POST" }), params(id));
const choose = (id: string, messageId: string) =>
  postChoose(
    new Request(`http://localhost/api/compare/${id}/choose`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messageId }),
    }) as never,
    { params: Promise.resolve({ conversationId: id }) },
  );

/** Every answer stored, and the automatic title too (written after the first model's complete answer). */
async function settled(conversationId: string): Promise<void> {
  await answerSettled(conversationId);
  await waitFor(async () => {
    const conversation = await getDb().conversation.findUnique({ where: { id: conversationId }, select: { titleIsSet: true } });
    if (!conversation || conversation.titleIsSet) return true;
    const titleWriter = await getDb().message.findFirst({ where: { conversationId, role: "assistant" }, orderBy: { createdAt: "asc" } });
    return titleWriter?.status !== "complete";
  });
}
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe(`POST /api/compare validation on ${testProvider()}`, () => {
  it.each([
    ["one model", ["azure"]],
    ["four models", ["azure", "tgi", "j2", "azure-bad-key"]],
    ["the same model twice", ["azure", "azure"]],
  ])("refuses %s (400) and stores nothing", async (_label, modelIds) => {
    const response = await compare({ conversationId: randomUUID(), prompt: "Hi", modelIds });
    expect(response.status).toBe(400);
    expect((await errorCode(response)).code).toBe("bad_request");
    expect(await getDb().message.count()).toBe(0);
  });

  it("refuses an empty prompt, a bad conversation id and unknown fields (400)", async () => {
    for (const body of [
      { conversationId: randomUUID(), prompt: "   ", modelIds: ["azure", "tgi"] },
      { conversationId: "not-a-uuid", prompt: "Hi", modelIds: ["azure", "tgi"] },
      { conversationId: randomUUID(), prompt: "Hi", modelIds: ["azure", "tgi"], userId: "someone-else" },
    ]) {
      expect((await compare(body)).status).toBe(400);
    }
    expect(await getDb().conversation.count()).toBe(0);
  });

  it.each([
    ["an unknown model", "no-such-model"],
    ["a disabled model", "retired"],
  ])("answers 404 for %s, calling no backend", async (_label, modelId) => {
    const response = await compare({ conversationId: randomUUID(), prompt: "Hi", modelIds: ["azure", modelId] });
    expect(response.status).toBe(404);
    expect((await errorCode(response)).code).toBe("model_unavailable");
    expect(await getDb().message.count()).toBe(0);
    expect(fakes.azure.requests).toHaveLength(0);
  });

  it("answers 404 for another user's conversation and leaves it untouched", async () => {
    const { conversationId } = await startRun(["azure", "tgi"]);
    await settled(conversationId);
    const before = await getDb().message.count({ where: { conversationId } });
    actAs(await newUser("bob@example.com"));
    const response = await compare({ conversationId, prompt: "Hijack", modelIds: ["azure", "tgi"] });
    expect(response.status).toBe(404);
    expect(await getDb().message.count({ where: { conversationId } })).toBe(before);
    expect((await streamOf(conversationId)).status).toBe(404);
    expect((await stop(conversationId)).status).toBe(404);
    const [answer] = await getDb().message.findMany({ where: { conversationId, role: "assistant" } });
    expect((await choose(conversationId, answer!.id)).status).toBe(404);
  });

  it("answers 401 without a session", async () => {
    actAs(null);
    expect((await compare({ conversationId: randomUUID(), prompt: "Hi", modelIds: ["azure", "tgi"] })).status).toBe(401);
  });
});

describe(`POST /api/compare runs on ${testProvider()}`, () => {
  it("stores one question and one answer per model as siblings of one run, and streams each answer on its own", async () => {
    const { conversationId, run } = await startRun(["azure", "tgi", "j2"], "Which is the best parrot?");
    expect(run.answers.map((answer) => answer.modelId)).toEqual(["azure", "tgi", "j2"]);

    const replies = { azure: fakes.azure.reply, tgi: fakes.tgi.reply.trim(), j2: fakes.ai21.reply };
    for (const answer of run.answers) {
      const response = await streamOf(conversationId, answer.messageId);
      expect(response.status).toBe(200);
      const chunks = parseSse(await response.text());
      expect(chunks[0]).toMatchObject({ type: "start", messageId: answer.messageId });
      const message = await uiMessageOf(chunks);
      expect(messageText(message)).toBe(replies[answer.modelId as keyof typeof replies]);
      expect(message.metadata).toMatchObject({
        status: "complete",
        modelId: answer.modelId,
        usage: expect.any(Object),
        timings: { totalMs: expect.any(Number) },
      });
    }
    await settled(conversationId);

    const rows = await getDb().message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
    const [question, ...answers] = rows;
    expect(question).toMatchObject({ id: run.userMessageId, role: "user", parentId: null, compareRunId: null });
    expect(storedText(question!.parts)).toBe("Which is the best parrot?");
    expect(answers).toHaveLength(3);
    const runIds = new Set(answers.map((answer) => answer.compareRunId));
    expect(runIds.size).toBe(1);
    expect([...runIds][0]).toEqual(expect.any(String));
    for (const answer of answers) {
      expect(answer).toMatchObject({ role: "assistant", parentId: run.userMessageId, status: "complete" });
      expect((answer.metadata as { timings?: { firstTokenMs?: number } }).timings?.firstTokenMs).toEqual(expect.any(Number));
    }
    expect(await getDb().usageRecord.count({ where: { conversationId, messageId: { in: run.answers.map((answer) => answer.messageId) } } })).toBe(3);
    const conversation = await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation).toMatchObject({ userId: ann.id, activeMessageId: run.answers[0]!.messageId });
  });

  it("sends each model the conversation so far: a compare mid-conversation follows the branch on show", async () => {
    const first = await startRun(["azure", "tgi"], "First question");
    await settled(first.conversationId);
    const chosen = first.run.answers[1]!;
    expect((await choose(first.conversationId, chosen.messageId)).status).toBe(200);

    const second = await startRun(["azure", "j2"], "Second question", first.conversationId);
    await settled(first.conversationId);
    const question = await getDb().message.findUniqueOrThrow({ where: { id: second.run.userMessageId } });
    expect(question.parentId).toBe(chosen.messageId);
    const lastAzureRequest = JSON.stringify(fakes.azure.requests.findLast((request) => JSON.stringify(request.body).includes("Second question"))?.body);
    expect(lastAzureRequest).toContain("First question");
    expect(lastAzureRequest).toContain(fakes.tgi.reply.trim().slice(0, 20));
    expect(lastAzureRequest).toContain("Second question");
  });

  it("keeps the other columns going when one backend fails, and shows that column's error", async () => {
    const { conversationId, run } = await startRun(["azure-bad-key", "tgi"]);
    const [bad, good] = run.answers;
    const badChunks = parseSse(await (await streamOf(conversationId, bad!.messageId)).text());
    const goodChunks = parseSse(await (await streamOf(conversationId, good!.messageId)).text());
    expect(badChunks.some((chunk) => chunk.type === "error")).toBe(true);
    expect((await uiMessageOf(badChunks)).metadata).toMatchObject({ status: "error", error: expect.any(String) });
    expect(messageText(await uiMessageOf(goodChunks))).toBe(fakes.tgi.reply.trim());
    await settled(conversationId);
    const statuses = await getDb().message.findMany({ where: { conversationId, role: "assistant" }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({ [bad!.messageId]: "error", [good!.messageId]: "complete" });
  });

  it("refuses a normal message and another compare while the run is writing (409); stop stops every answer", async () => {
    fakes.azure.timings.tokenDelayMs = 50;
    fakes.tgi.timings.tokenDelayMs = 50;
    const { conversationId, run } = await startRun(["azure", "tgi"]);
    await waitFor(async () => (await getDb().message.count({ where: { conversationId, role: "assistant", NOT: { parts: { equals: [] } } } })) === 2);

    const again = await compare({ conversationId, prompt: "Again", modelIds: ["azure", "tgi"] });
    expect(again.status).toBe(409);
    expect((await errorCode(again)).code).toBe("busy");
    const chat = await postChat(
      new Request("http://localhost/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ conversationId, modelId: "azure", message: { id: randomUUID(), text: "Normal message" } }),
      }),
    );
    expect(chat.status).toBe(409);

    const stopped = await stop(conversationId);
    expect(await stopped.json()).toEqual({ stopped: true });
    expect(isGenerating(conversationId)).toBe(false);
    const answers = await getDb().message.findMany({ where: { conversationId, role: "assistant" } });
    expect(answers.map((answer) => answer.status)).toEqual(["stopped", "stopped"]);
    for (const answer of run.answers) {
      const chunks = parseSse(await (await streamOf(conversationId, answer.messageId)).text());
      expect((await uiMessageOf(chunks)).metadata).toMatchObject({ status: "stopped" });
    }
  });

  it("stops one column with ?messageId= while the other finishes", async () => {
    fakes.azure.timings.tokenDelayMs = 50;
    fakes.tgi.timings.tokenDelayMs = 20;
    const { conversationId, run } = await startRun(["azure", "tgi"]);
    const [azure, tgi] = run.answers;
    expect(await (await stop(conversationId, azure!.messageId)).json()).toEqual({ stopped: true });
    const tgiMessage = await uiMessageOf(parseSse(await (await streamOf(conversationId, tgi!.messageId)).text()));
    expect(messageText(tgiMessage)).toBe(fakes.tgi.reply.trim());
    await settled(conversationId);
    const statuses = await getDb().message.findMany({ where: { conversationId, role: "assistant" }, orderBy: { createdAt: "asc" }, select: { status: true } });
    expect(statuses.map((row) => row.status)).toEqual(["stopped", "complete"]);
  });

  it("resumes one answer by message id (a replay, then live), 404 for a message of another conversation", async () => {
    fakes.tgi.timings.tokenDelayMs = 30;
    const { conversationId, run } = await startRun(["azure", "tgi"]);
    const tgi = run.answers[1]!;
    const live = await streamOf(conversationId, tgi.messageId);
    expect(live.headers.get("content-type")).toContain("text/event-stream");
    expect(messageText(await uiMessageOf(parseSse(await live.text())))).toBe(fakes.tgi.reply.trim());
    // Without the parameter: as before, the conversation's answer being written, or 204.
    await settled(conversationId);
    expect((await streamOf(conversationId)).status).toBe(204);

    const other = await startRun(["azure", "j2"]);
    await settled(other.conversationId);
    expect((await streamOf(conversationId, other.run.answers[0]!.messageId)).status).toBe(404);
    expect((await streamOf(conversationId, "bad id!")).status).toBe(400);
  });

  it("continues with the chosen answer: it becomes the active leaf, and the next message follows it", async () => {
    const { conversationId, run } = await startRun(["azure", "tgi"]);
    await settled(conversationId);
    const chosen = run.answers[1]!;
    const response = await choose(conversationId, chosen.messageId);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ conversationId, activeMessageId: chosen.messageId });
    const conversation = await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation).toMatchObject({ activeMessageId: chosen.messageId, modelId: "tgi" });

    expect((await choose(conversationId, run.userMessageId)).status).toBe(404);
    expect((await choose(conversationId, randomUUID())).status).toBe(404);
  });

  it("refuses to continue with an answer still being written (409)", async () => {
    fakes.azure.timings.tokenDelayMs = 50;
    const { conversationId, run } = await startRun(["azure", "j2"]);
    const response = await choose(conversationId, run.answers[0]!.messageId);
    expect(response.status).toBe(409);
    await stop(conversationId);
  });
});
