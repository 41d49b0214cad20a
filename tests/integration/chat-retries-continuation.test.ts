import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import type { ModelConfigInput } from "@/lib/ai/model-config";
import { loadNewChatStart } from "@/lib/chat/new-chat-start";
import { toChatUIMessages } from "@/lib/chat/ui-messages";
import { listMessages } from "@/lib/db/messages";
import { createUser } from "@/lib/db/users";
import { listModelOptions } from "@/lib/models/chat-models";
import { saveModel } from "@/lib/models/save-model";
import { magicPhrase } from "@/tests/fakes/index";
import { testProvider, useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { signInNewUser } from "../support/signed-in-user";
import { sseData } from "../support/sse";
import { answerSettled } from "../support/wait-for";

// What the user sees when the backend refuses before the first token (issue 10): an overloaded backend is asked
// again and the answer says so while it waits; a conversation the model can no longer take, even trimmed, ends in
// an answer marked too long, which offers a new chat that starts from its last exchange and question.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
const fakes = useFakes();
let user: { id: string; role: "user" };
const TIMEOUTS = { connectMs: 3_000, firstTokenMs: 3_000, idleMs: 3_000, overloadedRetryMs: [20, 40] };

beforeEach(async () => {
  await database.reset();
  fakes.reset();
  const created = await signInNewUser();
  user = { id: created.id, role: "user" };
});

async function useModel(config: ModelConfigInput): Promise<void> {
  await saveModel({ id: "model", name: "Llama 2", config: { ...config, timeouts: TIMEOUTS } as ModelConfigInput, isDefault: true });
}

type Chunk = { type: string; id?: string; data?: unknown; delta?: string; messageMetadata?: Record<string, unknown> };

/** Sends one message and reads the whole answer stream as its chunks, once the answer is stored. */
async function send(conversationId: string, text: string): Promise<Chunk[]> {
  const response = await postChat(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ conversationId, modelId: "model", message: { id: randomUUID(), text } }),
    }),
  );
  expect(response.status).toBe(200);
  const body = await response.text();
  await answerSettled(conversationId);
  return sseData(body)
    .filter((data) => data !== "[DONE]")
    .map((data) => JSON.parse(data) as Chunk);
}

describe(`retries and conversations too long for the model, on ${testProvider()}`, () => {
  it("an overloaded TGI is asked again; the stream says so, numbered, before the first token", async () => {
    // Counted locally, so the only requests to the fake are the answer's.
    await useModel({ provider: "tgi", endpoint: fakes.tgi.url, tokenizer: "estimate" });
    fakes.tgi.nextScenarios = ["rate-limit", "rate-limit"];

    const chunks = await send(randomUUID(), "Hello");

    const retries = chunks.filter((chunk) => chunk.type === "data-retry");
    expect(retries.map((chunk) => [chunk.id, chunk.data])).toEqual([
      ["retry", { reason: "overloaded", attempt: 1, delayMs: 20 }],
      ["retry", { reason: "overloaded", attempt: 2, delayMs: 40 }],
    ]);
    const firstText = chunks.findIndex((chunk) => chunk.type === "text-delta");
    expect(firstText).toBeGreaterThan(chunks.lastIndexOf(retries[1] as Chunk));
    expect(chunks.at(-1)).toMatchObject({ type: "finish", messageMetadata: { status: "complete", tooLong: null } });
  });

  it("the response streams from the first retry notice on, without waiting for the backend to accept", async () => {
    await saveModel({
      id: "model",
      name: "Llama 2",
      config: { provider: "tgi", endpoint: fakes.tgi.url, tokenizer: "estimate", timeouts: { ...TIMEOUTS, overloadedRetryMs: [3_000] } },
      isDefault: true,
    });
    fakes.tgi.nextScenarios = ["rate-limit"];
    const conversationId = randomUUID();

    const response = await postChat(
      new Request("http://localhost/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ conversationId, modelId: "model", message: { id: randomUUID(), text: "Hello" } }),
      }),
    );

    // The retry waits 3 s: answered now, the backend has been asked once.
    expect(response.status).toBe(200);
    expect(fakes.tgi.requestCount).toBe(1);
    const body = await response.text();
    expect(body).toContain('"type":"data-retry"');
    expect(body).toContain('"status":"complete"');
    await answerSettled(conversationId);
  });

  it("a prompt the server refuses as too long, with nothing left to trim: the answer is marked too long, also when stored", async () => {
    await useModel({ provider: "openai-compatible", endpoint: `${fakes.llamaCpp.url}/v1` });
    const conversationId = randomUUID();

    const chunks = await send(conversationId, `A very long question ${magicPhrase("bad-request")}`);

    expect(chunks.at(-1)).toMatchObject({ type: "finish", messageMetadata: { status: "error", tooLong: true } });
    const shown = toChatUIMessages(await listMessages(conversationId));
    expect(shown.at(-1)?.metadata).toMatchObject({ status: "error", tooLong: true });
  });

  it("an ordinary failure is not marked too long", async () => {
    await useModel({ provider: "openai-compatible", endpoint: `${fakes.llamaCpp.url}/v1` });

    const chunks = await send(randomUUID(), `Hi ${magicPhrase("server-error")}`);

    expect(chunks.at(-1)).toMatchObject({ type: "finish", messageMetadata: { status: "error", tooLong: null } });
  });

  it("a new chat continuing it has its model and settings, and a draft quoting the last exchange before the last question", async () => {
    await useModel({ provider: "openai-compatible", endpoint: `${fakes.llamaCpp.url}/v1` });
    const conversationId = randomUUID();
    await send(conversationId, "What is a llama?");
    await send(conversationId, `And an alpaca? ${magicPhrase("bad-request")}`);
    const models = await listModelOptions(user);

    const start = await loadNewChatStart(user, models, null, { continueId: conversationId });

    expect(start.modelId).toBe("model");
    expect(start.seed?.origin).toEqual({ kind: "continued", name: expect.any(String) });
    const draft = start.seed?.draft ?? "";
    expect(draft).toMatch(/^\(Continued from “.+”, which grew too long for the model\. Where it stood:\)\n/);
    expect(draft).toContain("> **Me:** What is a llama?");
    expect(draft).toMatch(/> \*\*Answer:\*\* \S/);
    expect(draft.endsWith(`And an alpaca? ${magicPhrase("bad-request")}`)).toBe(true);
  });

  it("another user's conversation seeds nothing", async () => {
    await useModel({ provider: "openai-compatible", endpoint: `${fakes.llamaCpp.url}/v1` });
    const conversationId = randomUUID();
    await send(conversationId, "Mine");
    const other = await createUser({ email: "bob@example.com", role: "user", mayBecomeFirstAdmin: false });
    const otherUser = { id: other.id, role: "user" as const };

    const start = await loadNewChatStart(otherUser, await listModelOptions(otherUser), null, { continueId: conversationId });

    expect(start.seed).toBeNull();
  });
});
