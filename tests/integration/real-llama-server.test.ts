import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { POST as postStop } from "@/app/(chat)/api/chat/[id]/stop/route";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { userMessageFor } from "@/lib/ai/errors";
import { isGenerating } from "@/lib/chat/generation-registry";
import { storedText } from "@/lib/chat/stored-message";
import type { ChatRequest } from "@/lib/chat/types";
import { getDb } from "@/lib/db/client";
import { getOrCreateConversation, setTitleIfUnset } from "@/lib/db/conversations";
import { saveModel } from "@/lib/models/save-model";
import { testProvider, useTestDatabase } from "../support/database";
import { describeWithRealServer, type RunningLlamaServer, startLlamaServer } from "../support/real-llama-server";
import { signInNewUser } from "../support/signed-in-user";
import { answerSettled, waitFor } from "../support/wait-for";

// The chat paths through the app (route handlers, generation runner, database) against the real llama.cpp server
// with Meta's Llama 2 chat template: it refuses turns that do not alternate and prompts over its context, exactly as
// vLLM and TGI's Messages API do. Only the session lookup is replaced (it needs a Next.js request scope).

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));

const CONTEXT = 512;
// The machine is shared and the tiny model decodes at a few dozen tokens per second under load: short answers.
const ANSWER_TOKENS = 6;
const TIMEOUTS = { connectMs: 20_000, firstTokenMs: 20_000, idleMs: 20_000, overloadedRetryMs: [50] };

describeWithRealServer(`chat against the real llama.cpp server on ${testProvider()}`, () => {
  const database = useTestDatabase();
  let server: RunningLlamaServer;
  let userId: string;

  beforeAll(async () => {
    // One slot: a request waits while another is being answered (used to stop an answer before its first token).
    server = await startLlamaServer({ contextSize: CONTEXT, parallel: 1, contextShift: true });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    vi.unstubAllEnvs();
  });
  beforeEach(async () => {
    await database.reset();
    const user = await signInNewUser();
    userId = user.id;
    await saveModel({
      id: "llama",
      name: "Llama 2 (llama.cpp)",
      config: { provider: "openai-compatible", endpoint: `${server.url}/v1`, timeouts: TIMEOUTS },
      defaults: { contextWindow: CONTEXT, maxOutputTokens: ANSWER_TOKENS },
      isDefault: true,
    });
    await saveModel({
      id: "long",
      name: "Llama 2 (long answers)",
      config: { provider: "openai-compatible", endpoint: `${server.url}/v1`, timeouts: TIMEOUTS },
      defaults: { contextWindow: CONTEXT, maxOutputTokens: 400 },
    });
    // Nothing listens there: every answer fails before the first token, leaving an answer without text.
    await saveModel({
      id: "broken",
      name: "Unreachable",
      config: { provider: "openai-compatible", endpoint: "http://127.0.0.1:9/v1", timeouts: TIMEOUTS },
    });
  });

  /** A conversation with its title set, so no title request competes for the server's one slot. */
  async function newConversation(): Promise<string> {
    const id = randomUUID();
    await getOrCreateConversation({ id, userId, modelId: "llama" });
    await setTitleIfUnset(id, "Real server");
    return id;
  }

  function post(body: ChatRequest): Promise<Response> {
    return postChat(new Request("http://localhost/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
  }

  /** Sends a message and waits until its answer is stored; returns the stored answer row. */
  async function ask(conversationId: string, text: string, modelId = "llama") {
    const response = await post({ conversationId, modelId, message: { id: randomUUID(), text } });
    expect(response.status).toBe(200);
    await response.text();
    return lastAnswer(conversationId);
  }

  async function lastAnswer(conversationId: string) {
    await answerSettled(conversationId, 20_000);
    const rows = await getDb().message.findMany({ where: { conversationId, role: "assistant" }, orderBy: { createdAt: "asc" } });
    const answer = rows.at(-1);
    if (!answer) throw new Error("no stored answer");
    return answer;
  }

  function stop(conversationId: string): Promise<Response> {
    return postStop(new Request(`http://localhost/api/chat/${conversationId}/stop`, { method: "POST" }), { params: Promise.resolve({ id: conversationId }) });
  }

  const silenceLogs = () => [vi.spyOn(console, "error").mockImplementation(() => undefined), vi.spyOn(console, "warn").mockImplementation(() => undefined)];

  it("answers, stores the text without the first token's leading space, and records the server's own token counts", async () => {
    const conversationId = await newConversation();
    const answer = await ask(conversationId, "Hello there");

    expect(answer).toMatchObject({ status: "complete", finishReason: "length", usageIsEstimated: false, error: null });
    const text = storedText(answer.parts);
    expect(text.length).toBeGreaterThan(0);
    expect(text).toBe(text.trimStart());
    // The server's prompt: its template around the question, BOS included; the answer: the tokens it generated.
    expect(answer.inputTokens).toBe(await server.promptTokens([{ role: "user", content: "Hello there" }]));
    expect(answer.outputTokens).toBe(ANSWER_TOKENS);
    const record = await getDb().usageRecord.findFirstOrThrow({ where: { messageId: answer.id } });
    expect(record).toMatchObject({ inputTokens: answer.inputTokens, outputTokens: ANSWER_TOKENS, usageIsEstimated: false });
  });

  it("answers the next message after a failed answer (the template would refuse user, user)", async () => {
    const logs = silenceLogs();
    const conversationId = await newConversation();
    const failed = await ask(conversationId, "First question", "broken");
    expect(failed.status).toBe("error");
    expect(storedText(failed.parts)).toBe("");

    const next = await ask(conversationId, "Second question");
    expect(next).toMatchObject({ status: "complete", error: null });
    expect(storedText(next.parts)).not.toBe("");
    // The server counted the repaired history: question, placeholder answer, question.
    expect(next.inputTokens).toBe(
      await server.promptTokens([
        { role: "user", content: "First question" },
        { role: "assistant", content: "(no answer)" },
        { role: "user", content: "Second question" },
      ]),
    );
    for (const spy of logs) spy.mockRestore();
  });

  it("regenerates an answer that failed", async () => {
    const logs = silenceLogs();
    const conversationId = await newConversation();
    const failed = await ask(conversationId, "A question", "broken");
    expect(failed.status).toBe("error");

    const response = await post({ conversationId, modelId: "llama", regenerate: { parentId: failed.parentId ?? "" } });
    expect(response.status).toBe(200);
    await response.text();
    expect(await lastAnswer(conversationId)).toMatchObject({ status: "complete", error: null, parentId: failed.parentId });
    for (const spy of logs) spy.mockRestore();
  });

  it("answers the next message after a Stop before the first token", async () => {
    const conversationId = await newConversation();
    // Another client holds the server's only slot until it aborts (an endless answer: the server shifts its
    // context), so our request waits in the queue. A fixed length would end in ~0.2 s on an idle machine and let
    // our answer through before the Stop.
    const blocker = new AbortController();
    const blocking = fetch(`${server.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", content: "Hold the slot" }], stream: true, max_tokens: 10_000_000, ignore_eos: true }),
      signal: blocker.signal,
    }).then(
      // Read it until the abort below: cancelling the body would end the server's task and free the slot.
      async (response) => {
        const reader = response.body?.getReader();
        try {
          while (reader && !(await reader.read()).done);
        } catch {
          // aborted
        }
      },
      () => undefined,
    );
    await waitFor(() => server.busy(), 20_000);

    const sent = post({ conversationId, modelId: "llama", message: { id: randomUUID(), text: "Are you there?" } });
    await waitFor(() => isGenerating(conversationId), 20_000);
    expect(await (await stop(conversationId)).json()).toEqual({ stopped: true });
    await (await sent).text();
    const stopped = await lastAnswer(conversationId);
    expect(stopped.status).toBe("stopped");
    expect(storedText(stopped.parts)).toBe("");
    blocker.abort();
    await blocking;
    await waitFor(async () => !(await server.busy()), 20_000);

    const next = await ask(conversationId, "Are you there now?");
    expect(next).toMatchObject({ status: "complete", error: null });
    expect(storedText(next.parts)).not.toBe("");
  });

  it("says a question over the context is too long for this model, and the conversation goes on", async () => {
    const logs = silenceLogs();
    const conversationId = await newConversation();
    const tooLong = await ask(conversationId, "lorem ipsum dolor sit amet ".repeat(60));
    expect(tooLong.status).toBe("error");
    expect(tooLong.error).toBe(userMessageFor("context_too_long"));

    const next = await ask(conversationId, "Shorter, then?");
    expect(next).toMatchObject({ status: "complete", error: null });
    for (const spy of logs) spy.mockRestore();
  });

  it("keeps answering a conversation that outgrows the context, trimmed by the server's token counts", async () => {
    const conversationId = await newConversation();
    // About 150 tokens per question with this vocabulary (the chars / 4 guess would say 50).
    const question = (n: number) => `Question ${n}: ${"tell me about the llama and the alpaca ".repeat(5)}`;
    for (let n = 1; n <= 4; n++) {
      const answer = await ask(conversationId, question(n));
      expect(answer, `answer ${n}`).toMatchObject({ status: "complete", error: null });
      expect(answer.inputTokens ?? 0).toBeLessThanOrEqual(CONTEXT - ANSWER_TOKENS);
    }
  });

  it("closes the server's generation when the user stops the answer", async () => {
    const conversationId = await newConversation();
    const response = await post({ conversationId, modelId: "long", message: { id: randomUUID(), text: "Tell me a long story" } });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    while (!received.includes('"type":"text-delta"')) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the answer ended before its first token: ${received}`);
      received += value;
    }
    expect(await server.busy()).toBe(true);
    expect(await (await stop(conversationId)).json()).toEqual({ stopped: true });
    await reader.cancel();

    // The server cancelled the task and freed its slot, far before 400 tokens.
    await waitFor(async () => !(await server.busy()), 5_000);
    expect(server.log()).toMatch(/stop: cancel task/);
    const stopped = await lastAnswer(conversationId);
    expect(stopped.status).toBe("stopped");
    expect(stopped.outputTokens ?? 0).toBeLessThan(400);
  });
});
