import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { chatStreamResponse } from "@/lib/api/responses";
import { answerTokenCap } from "@/lib/chat/answer-limits";
import { DEFAULT_TUNING } from "@/lib/chat/generation";
import { sendMessage } from "@/lib/chat/send-message";
import { storedText } from "@/lib/chat/stored-message";
import { getDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { saveModel } from "@/lib/models/save-model";
import { testProvider, useTestDatabase } from "../support/database";
import { answerSettled, waitFor } from "../support/wait-for";

// A backend that never stops: the answer is cut at the model's maximum output tokens (counted here) or at the
// wall-clock cap, the text so far is kept and marked as stopped at the length limit, and the backend connection is
// closed, also when the reader went away (tab closed).

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
let backend: Server;
let endpoint = "";
let openConnections = 0;
let user: { id: string; role: "user" };

beforeAll(async () => {
  // One token every 5 ms, forever, in the OpenAI streaming format; closing the connection is the only way out.
  backend = createServer((request, response) => {
    request.resume();
    openConnections++;
    response.on("close", () => openConnections--);
    response.writeHead(200, { "content-type": "text/event-stream" });
    let n = 0;
    const timer = setInterval(() => {
      response.write(
        `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content: ` w${n++}` }, finish_reason: null }] })}\n\n`,
      );
    }, 5);
    response.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(backend.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  backend.closeAllConnections();
  await new Promise((resolve) => backend.close(resolve));
});
beforeEach(async () => {
  await database.reset();
  const created = await createUser({ email: "ann@example.com", role: "user", mayBecomeFirstAdmin: false });
  user = { id: created.id, role: "user" };
});

async function settledAnswer(conversationId: string) {
  await answerSettled(conversationId, 10_000);
  const row = await getDb().message.findFirst({ where: { conversationId, role: "assistant" } });
  if (!row) throw new Error("no answer");
  return row;
}

/** The backend saw its connection closed (the close reaches it a moment after the abort). */
async function backendConnectionsClosed(): Promise<void> {
  await waitFor(() => openConnections === 0, 2_000, "the backend's connections closed:");
}

describe(`caps on an answer, on ${testProvider()}`, () => {
  it("stops at the model's maximum output tokens, keeps the text and says so", async () => {
    await saveModel({ id: "m", name: "Runaway", config: { provider: "openai-compatible", endpoint, model: "m", maxOutputTokens: 20 }, isDefault: true });
    const conversationId = randomUUID();
    const response = chatStreamResponse(
      await sendMessage(user, { conversationId, modelId: "m", message: { id: randomUUID(), text: "hi" } }, { tuning: DEFAULT_TUNING }),
    );
    const sse = await response.text();

    const answer = await settledAnswer(conversationId);
    expect(answer).toMatchObject({ status: "stopped", finishReason: "length", metadata: expect.objectContaining({ lengthLimit: "tokens" }) });
    const words = storedText(answer.parts).trim().split(" ");
    expect(words).toHaveLength(answerTokenCap(20) + 1);
    expect(words[0]).toBe("w0");
    expect(sse).toContain('"lengthLimit":true');
    await backendConnectionsClosed();
  });

  it("stops at the wall-clock cap, also when nobody reads the answer any more (tab closed)", async () => {
    await saveModel({ id: "m", name: "Runaway", config: { provider: "openai-compatible", endpoint, model: "m", maxOutputTokens: 1_000_000 }, isDefault: true });
    const conversationId = randomUUID();
    const response = chatStreamResponse(
      await sendMessage(user, { conversationId, modelId: "m", message: { id: randomUUID(), text: "hi" } }, { tuning: { ...DEFAULT_TUNING, answerMaxMs: 400 } }),
    );
    await response.body!.cancel();

    const answer = await settledAnswer(conversationId);
    expect(answer).toMatchObject({ status: "stopped", finishReason: "length", metadata: expect.objectContaining({ lengthLimit: "time" }) });
    expect(storedText(answer.parts)).toMatch(/^w0 w1 w2/);
    await backendConnectionsClosed();
  });
});
