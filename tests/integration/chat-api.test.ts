import { randomUUID } from "node:crypto";
import type { UIMessageChunk } from "ai";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postStop } from "@/app/(chat)/api/chat/[id]/stop/route";
import { GET as getStream } from "@/app/(chat)/api/chat/[id]/stream/route";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { messageText } from "@/components/chat/message-text";
import { type LlmErrorCode, userMessageFor } from "@/lib/ai/errors";
import { localTokenizer } from "@/lib/ai/tokens/local-tokenizers";
import { isGenerating } from "@/lib/chat/generation-registry";
import { storedText } from "@/lib/chat/stored-message";
import type { SendMessageInput } from "@/lib/chat/types";
import { getDb } from "@/lib/db/client";
import { getOrCreateConversation, setTitleIfUnset } from "@/lib/db/conversations";
import { createAssistantMessage, finishAssistantMessage, insertUserMessage, markStreamingAnswerStopped } from "@/lib/db/messages";
import { saveModel } from "@/lib/models/save-model";
import { log } from "@/lib/server/log";
import { magicPhrase, type Scenario } from "@/tests/fakes/scenarios";
import { testProvider, useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { signInNewUser } from "../support/signed-in-user";
import { parseSse, uiMessageOf } from "../support/sse";
import { answerSettled, waitFor } from "../support/wait-for";

// The chat API end to end: the route handlers, the generation runner and the database, against the fake backends
// speaking the real wire protocols. Only the session lookup is replaced (it needs a Next.js request scope).

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
const fakes = useFakes();
let user: { id: string };

const TIMEOUTS = { connectMs: 3_000, firstTokenMs: 3_000, idleMs: 3_000 };
const SYSTEM_PROMPT = "You are the company assistant.";

beforeAll(async () => {
  // Warm, as a running server is: loading a vocabulary blocks the event loop for seconds on a busy machine.
  await Promise.all((["o200k"] as const).map((kind) => localTokenizer(kind)));
});
beforeEach(async () => {
  await waitFor(async () => !anyGenerating());
  await database.reset();
  fakes.reset();
  user = await signInNewUser("ann@example.com");
  await saveModel({
    id: "azure",
    name: "GPT-4o",
    config: { provider: "azure-openai", endpoint: fakes.azure.url, deployment: "gpt-4o", apiKey: fakes.azure.apiKey, timeouts: TIMEOUTS },
    defaults: { systemPrompt: SYSTEM_PROMPT, temperature: 0.3 },
    isDefault: true,
  });
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
});

const conversationsInFlight = new Set<string>();
function anyGenerating(): boolean {
  return [...conversationsInFlight].some((id) => isGenerating(id));
}

function input(text: string, options: { conversationId?: string; modelId?: string } = {}): SendMessageInput {
  const conversationId = options.conversationId ?? randomUUID();
  conversationsInFlight.add(conversationId);
  return { conversationId, modelId: options.modelId ?? "azure", message: { id: randomUUID(), text } };
}

function send(body: SendMessageInput): Promise<Response> {
  return postChat(new Request("http://localhost/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const resume = (id: string) => getStream(new Request(`http://localhost/api/chat/${id}/stream`), params(id));
const stop = (id: string) => postStop(new Request(`http://localhost/api/chat/${id}/stop`, { method: "POST" }), params(id));

/** Reads the SSE body until `until` matches a chunk; returns the chunks so far and the open reader. */
async function readUntil(response: Response, until: (chunk: UIMessageChunk) => boolean) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before the awaited chunk: ${text}`);
    text += value;
    const complete = text.slice(0, text.lastIndexOf("\n\n") + 2);
    const chunks = parseSse(complete);
    if (chunks.some(until)) {
      return {
        chunks,
        reader,
        async rest(): Promise<UIMessageChunk[]> {
          let tail = text.slice(complete.length);
          for (;;) {
            const next = await reader.read();
            if (next.done) break;
            tail += next.value;
          }
          return parseSse(tail);
        },
      };
    }
  }
}

async function storedMessages(conversationId: string) {
  return getDb().message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
}

async function storedAnswer(conversationId: string) {
  const answer = (await storedMessages(conversationId)).find((message) => message.role === "assistant");
  if (!answer) throw new Error("no stored answer");
  return answer;
}

async function settledAnswer(conversationId: string) {
  await answerSettled(conversationId);
  return storedAnswer(conversationId);
}

const isTextDelta = (chunk: UIMessageChunk) => chunk.type === "text-delta";
const finishOf = (chunks: UIMessageChunk[]) => chunks.find((chunk): chunk is Extract<UIMessageChunk, { type: "finish" }> => chunk.type === "finish");

/** The server's error log lines (lib/server/log), kept out of the output and readable as JSON text. */
function silenceErrors() {
  return vi.spyOn(log, "error").mockImplementation(() => undefined);
}

describe(`POST /api/chat on ${testProvider()}`, () => {
  it("streams an Azure answer and stores the question, the answer with reported usage and timings, and a usage record", async () => {
    const body = input("How do I care for a parrot?");
    const response = await send(body);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const chunks = parseSse(await response.text());
    const streamed = await uiMessageOf(chunks);

    const [question, answer] = await storedMessages(body.conversationId);
    expect(question).toMatchObject({ id: body.message.id, role: "user", status: "complete" });
    expect(storedText(question?.parts)).toBe("How do I care for a parrot?");
    expect(answer).toMatchObject({
      id: streamed.id,
      role: "assistant",
      status: "complete",
      finishReason: "stop",
      modelId: "azure",
      usageIsEstimated: false,
      error: null,
    });
    expect(storedText(answer?.parts)).toBe(fakes.azure.reply);
    expect(messageText(streamed)).toBe(fakes.azure.reply);
    expect(answer?.inputTokens).toBeGreaterThan(0);
    expect(answer?.outputTokens).toBe(fakes.azure.reply.match(/\s*\S+/g)?.length);
    const timings = (answer?.metadata as { timings: { firstTokenMs: number; totalMs: number } }).timings;
    expect(timings.firstTokenMs).toBeGreaterThanOrEqual(0);
    expect(timings.totalMs).toBeGreaterThanOrEqual(timings.firstTokenMs);

    expect(chunks[0]).toMatchObject({ type: "start", messageId: answer?.id, messageMetadata: { status: "streaming", modelId: "azure" } });
    expect(finishOf(chunks)).toMatchObject({
      finishReason: "stop",
      messageMetadata: { status: "complete", usage: { inputTokens: answer?.inputTokens, outputTokens: answer?.outputTokens, estimated: false }, timings },
    });
    expect(streamed.metadata).toMatchObject({ status: "complete", modelId: "azure", error: null, policyBlock: null });

    const record = await getDb().usageRecord.findFirstOrThrow({ where: { messageId: answer?.id } });
    expect(record).toMatchObject({
      userId: user.id,
      modelId: "azure",
      conversationId: body.conversationId,
      usageIsEstimated: false,
      inputTokens: answer?.inputTokens,
      outputTokens: answer?.outputTokens,
    });
    expect(record.latencyMs).toBeGreaterThanOrEqual(0);

    const sent = fakes.azure.requests[0]?.json as { messages: unknown[]; temperature: number };
    expect(sent.messages).toEqual([
      { role: "system", content: SYSTEM_PROMPT },
      { role: "user", content: "How do I care for a parrot?" },
    ]);
    expect(sent.temperature).toBe(0.3);
  });

  it("sends a J2 answer (not streamed by the backend) as one text delta, with estimated usage", async () => {
    const body = input("Where do I find market data?", { modelId: "j2" });
    const chunks = parseSse(await (await send(body)).text());

    expect(chunks.filter(isTextDelta)).toEqual([{ type: "text-delta", id: expect.any(String), delta: fakes.ai21.reply }]);
    const answer = await storedAnswer(body.conversationId);
    expect(answer).toMatchObject({ status: "complete", usageIsEstimated: true, outputTokens: Math.ceil(fakes.ai21.reply.length / 4) });
    expect(storedText(answer.parts)).toBe(fakes.ai21.reply);
    expect(finishOf(chunks)?.messageMetadata).toMatchObject({ usage: { estimated: true } });
    expect(await getDb().usageRecord.findFirstOrThrow({ where: { messageId: answer.id } })).toMatchObject({ usageIsEstimated: true, modelId: "j2" });
  });

  it("titles the conversation once, after its first answer's stream has closed", async () => {
    const body = input("How do I care for a parrot?");
    const chunks = parseSse(await (await send(body)).text());
    expect(chunks.at(-1)?.type).toBe("finish");
    expect(chunks.some((chunk) => chunk.type.startsWith("data-"))).toBe(false);

    await answerSettled(body.conversationId);
    const conversation = await getDb().conversation.findUniqueOrThrow({ where: { id: body.conversationId } });
    expect(conversation.titleIsSet).toBe(true);
    expect(conversation.title).toBe("Ahoy! The parrot needs fresh fruit, a big cage and daily");

    await (await send(input("And what fruit?", { conversationId: body.conversationId }))).text();
    await answerSettled(body.conversationId);
    expect(fakes.azure.requestCount).toBe(3);
  });

  it("ends the answer's stream while the title is still being asked for, and writes it after", async () => {
    // The title's request (the one with the naming instructions) gets no answer for a while, then a reset.
    fakes.azure.timings = { ...fakes.azure.timings, stallMs: 3_000 };
    fakes.azure.script = (request) => (request.body.includes("You name conversations") ? { scenario: "hang" } : undefined);
    const body = input("How do I care for a parrot?");
    const chunks = parseSse(await (await send(body)).text());

    expect(chunks.at(-1)?.type).toBe("finish");
    expect((await storedAnswer(body.conversationId)).status).toBe("complete");
    expect((await getDb().conversation.findUniqueOrThrow({ where: { id: body.conversationId } })).titleIsSet).toBe(false);
    await answerSettled(body.conversationId);
    // The model gave no title: the start of the first message is the title.
    expect(await getDb().conversation.findUniqueOrThrow({ where: { id: body.conversationId } })).toMatchObject({
      titleIsSet: true,
      title: "How do I care for a parrot?",
    });
  });

  it("titles with the model named by the chat.titleModelId setting", async () => {
    await getDb().setting.create({ data: { key: "chat.titleModelId", value: "j2" } });
    const body = input("How do I care for a parrot?");
    await (await send(body)).text();
    await answerSettled(body.conversationId);

    expect((await getDb().conversation.findUniqueOrThrow({ where: { id: body.conversationId } })).title).toBe(
      "Consider market data vendors, public filings and transaction",
    );
    expect(fakes.ai21.requestCount).toBe(1);
    expect(await getDb().usageRecord.count({ where: { conversationId: body.conversationId, modelId: "j2", messageId: null } })).toBe(1);
  });

  it("sends the earlier turns with the next question, trimmed to the model's context window", async () => {
    await saveModel({
      id: "small",
      name: "Small window",
      // Counted by the estimate (chars ÷ 3, plus 4 per message), so the sizes below are plain arithmetic.
      config: {
        provider: "azure-openai",
        endpoint: fakes.azure.url,
        deployment: "gpt-4o",
        apiKey: fakes.azure.apiKey,
        timeouts: TIMEOUTS,
        tokenizer: "estimate",
      },
      defaults: { contextWindow: 420, maxOutputTokens: 100, systemPrompt: "Be brief." },
    });
    const conversationId = randomUUID();
    conversationsInFlight.add(conversationId);
    await getOrCreateConversation({ id: conversationId, userId: user.id, modelId: "small" });
    await setTitleIfUnset(conversationId, "Long chat");
    const long = (mark: string) => `${mark} ${"x".repeat(400)}`; // about 140 tokens each
    let at = Date.now() - 60_000;
    for (const turn of ["one", "two", "three"]) {
      await insertUserMessage({ id: randomUUID(), conversationId, text: long(`question ${turn}`), createdAt: new Date((at += 10)) });
      const answerId = randomUUID();
      await createAssistantMessage({ id: answerId, conversationId, modelId: "small", createdAt: new Date((at += 10)) });
      await finishAssistantMessage(answerId, {
        status: "complete",
        text: long(`answer ${turn}`),
        finishReason: "stop",
        error: null,
        usage: null,
        metadata: {},
      });
    }
    await (await send(input("The newest question", { conversationId, modelId: "small" }))).text();

    // 420 - 100 reserved = 320 tokens: the system prompt (7), the newest question (11) and one earlier exchange (285) fit.
    const sent = (fakes.azure.requests[0]?.json as { messages: Array<{ role: string; content: string }> }).messages;
    expect(sent.map((message) => `${message.role}: ${message.content.replace(/ x+$/, "")}`)).toEqual([
      "system: Be brief.",
      "user: question three",
      "assistant: answer three",
      "user: The newest question",
    ]);
  });

  it("keeps writing the answer when the client disconnects, and stores all of it", async () => {
    fakes.azure.timings.tokenDelayMs = 25;
    const body = input("Tell me about parrots");
    const response = await send(body);
    const { reader } = await readUntil(response, isTextDelta);
    await reader.cancel();

    const answer = await settledAnswer(body.conversationId);
    expect(answer.status).toBe("complete");
    expect(storedText(answer.parts)).toBe(fakes.azure.reply);
    expect(fakes.azure.clientDisconnects).toBe(0);
    // The title is made after the answer, with nobody listening: it still arrives.
    await waitFor(async () => (await getDb().conversation.findUniqueOrThrow({ where: { id: body.conversationId } })).titleIsSet);
  });

  it("saves the text while it streams, so a crash loses at most the last moments", async () => {
    fakes.azure.timings.tokenDelayMs = 40;
    const body = input("Tell me about parrots");
    const response = await send(body);
    const partial = await waitFor(async () => {
      const answer = await storedAnswer(body.conversationId);
      const text = storedText(answer.parts);
      return answer.status === "streaming" && text.length > 0 ? text : null;
    });
    expect(fakes.azure.reply.startsWith(partial)).toBe(true);
    expect(partial.length).toBeLessThan(fakes.azure.reply.length);
    await response.text();
  });

  it("stops on request: the backend connection closes and the partial answer is kept as stopped", async () => {
    fakes.azure.timings.tokenDelayMs = 50;
    const body = input("Tell me a long story");
    const response = await send(body);
    const reading = await readUntil(response, isTextDelta);
    const disconnected = fakes.azure.nextDisconnect();

    const stopped = await stop(body.conversationId);
    expect(stopped.status).toBe(200);
    expect(await stopped.json()).toEqual({ stopped: true });
    await disconnected;
    expect(fakes.azure.clientDisconnects).toBe(1);

    const answer = await storedAnswer(body.conversationId);
    const text = storedText(answer.parts);
    expect(answer.status).toBe("stopped");
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(fakes.azure.reply.length);
    expect(fakes.azure.reply.startsWith(text)).toBe(true);
    expect(answer.usageIsEstimated).toBe(true);
    expect(await getDb().usageRecord.count({ where: { messageId: answer.id, usageIsEstimated: true } })).toBe(1);

    const rest = await reading.rest();
    expect(finishOf(rest)?.messageMetadata).toMatchObject({ status: "stopped" });
    expect(messageText(await uiMessageOf([...reading.chunks, ...rest]))).toBe(text);
    expect(await (await stop(body.conversationId)).json()).toEqual({ stopped: false });
  });

  it("stops an answer written by another instance: through the database, within a second", async () => {
    fakes.azure.timings.tokenDelayMs = 50;
    const body = input("Tell me a long story");
    const response = await send(body);
    const reading = await readUntil(response, isTextDelta);
    const disconnected = fakes.azure.nextDisconnect();

    // What POST /stop does on an instance that is not running this answer.
    const started = Date.now();
    expect(await markStreamingAnswerStopped(body.conversationId)).toBe(true);
    await disconnected;
    expect(Date.now() - started).toBeLessThan(1_000);

    const rest = await reading.rest();
    expect(finishOf(rest)?.messageMetadata).toMatchObject({ status: "stopped" });
    const answer = await storedAnswer(body.conversationId);
    expect(answer.status).toBe("stopped");
    expect(messageText(await uiMessageOf([...reading.chunks, ...rest]))).toBe(storedText(answer.parts));
    expect(fakes.azure.reply.startsWith(storedText(answer.parts))).toBe(true);
  });

  it("stops while the backend is still thinking: nothing to keep, stored as stopped, and no title", async () => {
    fakes.azure.timings.slowFirstTokenMs = 5_000;
    const body = input(`Think hard ${magicPhrase("slow-first-token")}`);
    const response = await send(body);
    expect(response.status).toBe(200);
    const disconnected = fakes.azure.nextDisconnect();

    expect(await (await stop(body.conversationId)).json()).toEqual({ stopped: true });
    await disconnected;
    const chunks = parseSse(await response.text());
    expect(chunks.filter(isTextDelta)).toEqual([]);
    expect(finishOf(chunks)?.messageMetadata).toMatchObject({ status: "stopped" });
    const answer = await storedAnswer(body.conversationId);
    expect(answer).toMatchObject({ status: "stopped", error: null });
    expect(storedText(answer.parts)).toBe("");
    expect((await getDb().conversation.findUniqueOrThrow({ where: { id: body.conversationId } })).titleIsSet).toBe(false);
  });

  it("keeps the partial text of a mid-stream failure, with a user-safe error, and logs the details for admins", async () => {
    const errors = silenceErrors();
    const body = input(`Tell me a story ${magicPhrase("mid-stream-error")}`);
    const chunks = parseSse(await (await send(body)).text());

    const answer = await storedAnswer(body.conversationId);
    const tokens = fakes.azure.reply.match(/\s*\S+/g) ?? [];
    expect(answer).toMatchObject({ status: "error", error: userMessageFor("stream_error"), finishReason: "error" });
    expect(storedText(answer.parts)).toBe(tokens.slice(0, 2).join(""));
    expect(chunks).toContainEqual({ type: "error", errorText: userMessageFor("stream_error") });
    expect(finishOf(chunks)?.messageMetadata).toMatchObject({ status: "error", error: userMessageFor("stream_error") });
    expect(JSON.stringify(chunks)).not.toContain("The server had an error");

    const logged = errors.mock.calls.map((call) => JSON.stringify(call)).join("\n");
    expect(logged).toContain(body.conversationId);
    expect(logged).toContain("azure");
    expect(logged).toContain("The server had an error");
    expect(logged).not.toContain(fakes.azure.apiKey);
    // No title from a failed first answer.
    expect((await getDb().conversation.findUniqueOrThrow({ where: { id: body.conversationId } })).titleIsSet).toBe(false);
  });

  it("answers 429 with retryAfterMs when the backend rate-limits before any token, and keeps the user's message", async () => {
    const errors = silenceErrors();
    const body = input(`Hello ${magicPhrase("rate-limit")}`);
    const response = await send(body);

    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("6");
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: userMessageFor("rate_limited", 6_000), retryAfterMs: 6_000 } });
    const [question, answer] = await storedMessages(body.conversationId);
    expect(question).toMatchObject({ id: body.message.id, role: "user" });
    await answerSettled(body.conversationId);
    expect(await storedAnswer(body.conversationId)).toMatchObject({
      id: answer?.id,
      status: "error",
      error: userMessageFor("rate_limited", 6_000),
      inputTokens: null,
    });
    expect(errors).toHaveBeenCalled();
  });

  // Every other way a backend can fail: what the user is told (stream and stored answer) and what is kept.
  const FAILURES: { scenario: Scenario; code: LlmErrorCode; keepsText: boolean }[] = [
    { scenario: "slow-first-token", code: "timeout", keepsText: false },
    { scenario: "hang", code: "timeout", keepsText: false },
    { scenario: "stall", code: "timeout", keepsText: true },
    { scenario: "reset", code: "stream_error", keepsText: true },
    { scenario: "not-found", code: "not_found", keepsText: false },
    // The Azure fake's 400 says the prompt is over the model's maximum context length.
    { scenario: "bad-request", code: "context_too_long", keepsText: false },
    { scenario: "server-error", code: "unavailable", keepsText: false },
  ];
  for (const { scenario, code, keepsText } of FAILURES) {
    it(`${scenario}: tells the user "${userMessageFor(code)}" and stores the answer as an error${keepsText ? ", keeping its partial text" : ""}`, async () => {
      silenceErrors();
      // Short timeouts, so timing out is quick; the fakes stay silent longer than that.
      await saveModel({
        id: "azure-impatient",
        name: "GPT-4o (impatient)",
        config: {
          provider: "azure-openai",
          endpoint: fakes.azure.url,
          deployment: "gpt-4o",
          apiKey: fakes.azure.apiKey,
          timeouts: { connectMs: 400, firstTokenMs: 400, idleMs: 400 },
        },
      });
      fakes.azure.timings.slowFirstTokenMs = 2_000;
      fakes.azure.timings.stallMs = 2_000;
      const body = input(`Hello there ${magicPhrase(scenario)}`, { modelId: "azure-impatient" });
      const chunks = parseSse(await (await send(body)).text());

      expect(chunks).toContainEqual({ type: "error", errorText: userMessageFor(code) });
      expect(finishOf(chunks)?.messageMetadata).toMatchObject({ status: "error", error: userMessageFor(code) });
      const answer = await settledAnswer(body.conversationId);
      expect(answer).toMatchObject({ status: "error", error: userMessageFor(code) });
      const tokens = fakes.azure.reply.match(/\s*\S+/g) ?? [];
      expect(storedText(answer.parts)).toBe(keepsText ? tokens.slice(0, fakes.azure.timings.tokensBeforeTrouble).join("") : "");
    });
  }

  it("tells the user when the backend rejects the app's credentials", async () => {
    const errors = silenceErrors();
    const body = input("Hello", { modelId: "azure-bad-key" });
    const response = await send(body);
    expect(response.status).toBe(200);
    const chunks = parseSse(await response.text());

    expect(chunks).toContainEqual({ type: "error", errorText: expect.stringContaining("rejected this app's credentials") });
    expect((await storedAnswer(body.conversationId)).error).toContain("rejected this app's credentials");
    expect(errors.mock.calls.map((call) => JSON.stringify(call)).join("\n")).not.toContain("not-the-key-0123");
  });

  it("stores a content-filtered answer as complete with a policy block", async () => {
    const body = input(`Write the lyrics ${magicPhrase("content-filter")}`);
    const chunks = parseSse(await (await send(body)).text());

    const answer = await storedAnswer(body.conversationId);
    expect(answer).toMatchObject({ status: "complete", finishReason: "content-filter", error: null });
    expect(answer.metadata).toMatchObject({ policyBlock: { categories: ["protected_material_text"] } });
    expect(finishOf(chunks)).toMatchObject({
      finishReason: "content-filter",
      messageMetadata: { status: "complete", policyBlock: { categories: ["protected_material_text"] } },
    });
  });

  it("refuses a second message while an answer is being written (409), without storing it", async () => {
    fakes.azure.timings.tokenDelayMs = 50;
    const first = input("Tell me a long story");
    const response = await send(first);
    const second = input("Another question", { conversationId: first.conversationId });
    const busy = await send(second);

    expect(busy.status).toBe(409);
    expect(await busy.json()).toEqual({ error: { code: "busy", message: expect.stringContaining("still being written") } });
    expect(await getDb().message.count({ where: { id: second.message.id } })).toBe(0);
    await stop(first.conversationId);
    await response.text();
  });

  it("refuses a reused message id (409)", async () => {
    const body = input("Hello");
    await (await send(body)).text();
    const again = await send({ ...body, message: { ...body.message, text: "Hello again" } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("duplicate_message");
  });
});

describe(`GET /api/chat/[id]/stream on ${testProvider()}`, () => {
  it("replays an active answer from its start and follows it to the end", async () => {
    fakes.azure.timings.tokenDelayMs = 30;
    const body = input("Tell me about parrots");
    const original = await readUntil(await send(body), isTextDelta);

    const resumed = await resume(body.conversationId);
    expect(resumed.status).toBe(200);
    expect(resumed.headers.get("content-type")).toContain("text/event-stream");
    expect(resumed.headers.get("cache-control")).toContain("no-store");
    const chunks = parseSse(await resumed.text());
    const answer = await storedAnswer(body.conversationId);

    expect(chunks[0]).toMatchObject({ type: "start", messageId: answer.id });
    expect(chunks.filter((chunk) => chunk.type === "text-start")).toHaveLength(1);
    expect(messageText(await uiMessageOf(chunks))).toBe(fakes.azure.reply);
    expect(storedText(answer.parts)).toBe(fakes.azure.reply);
    expect(finishOf(chunks)?.messageMetadata).toMatchObject({ status: "complete" });
    const originalRest = await original.rest();
    expect(messageText(await uiMessageOf([...original.chunks, ...originalRest]))).toBe(fakes.azure.reply);
  });

  it("answers 204 when nothing is being written", async () => {
    const body = input("Hello");
    await (await send(body)).text();
    const response = await resume(body.conversationId);
    expect(response.status).toBe(204);
    expect(response.headers.get("cache-control")).toContain("no-store");
  });
});
