import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { chatStreamResponse } from "@/lib/api/responses";
import { pendingFinalSaveIds, whenFinalSavesSettled } from "@/lib/chat/final-save";
import { DEFAULT_TUNING, type GenerationTuning } from "@/lib/chat/generation";
import { isGenerating } from "@/lib/chat/generation-registry";
import { sweepStaleAnswers } from "@/lib/chat/interrupted-sweep";
import { sendMessage } from "@/lib/chat/send-message";
import { storedText } from "@/lib/chat/stored-message";
import { getDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { saveModel } from "@/lib/models/save-model";
import { testProvider, useTestDatabase } from "../support/database";
import { allowWrites, refuseWrites } from "../support/database-outage";
import { waitFor } from "../support/wait-for";

// The database stops taking writes while an answer is being written (the case: the reader got the whole
// answer and "complete", the database kept a third of it as "streaming" and no usage). The final outcome and the
// usage record must be written once the database is back, and an answer must never stay "streaming" after its
// generation ended: when the retries give up, the stale-answer sweep marks it interrupted (on SQLite too).

const database = useTestDatabase();
let backend: Server;
let endpoint = "";
let openGate: () => void = () => {};
let gate: Promise<void> = Promise.resolve();
let user: { id: string; role: "user" };

// A model server that sends "Hello", then waits for the test to open the gate, then " world" and its usage.
beforeAll(async () => {
  backend = createServer((request, response) => {
    request.resume();
    request.on("end", async () => {
      const chunk = (delta: object, finish: string | null, extra: object = {}) =>
        `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(chunk({ role: "assistant", content: "Hello" }, null));
      await gate;
      response.write(chunk({ content: " world" }, null));
      response.write(chunk({}, "stop", { usage: { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 } }));
      response.end("data: [DONE]\n\n");
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(backend.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  openGate();
  await new Promise((resolve) => backend.close(resolve));
});
beforeEach(async () => {
  await database.reset();
  gate = new Promise((resolve) => {
    openGate = resolve;
  });
  const created = await createUser({ email: "ann@example.com", role: "user", mayBecomeFirstAdmin: false });
  user = { id: created.id, role: "user" };
  await saveModel({ id: "m", name: "Model", config: { provider: "openai-compatible", endpoint, model: "m" }, isDefault: true });
});

function tuning(giveUpAfterMs: number): GenerationTuning {
  return { ...DEFAULT_TUNING, finalSave: { firstRetryMs: 20, maxRetryMs: 100, giveUpAfterMs, maxPending: 10 } };
}

/** Sends a first message; resolves with the open response once the first token is on its way. */
async function sendAndWaitForFirstToken(conversationId: string, options: GenerationTuning) {
  const response = chatStreamResponse(
    await sendMessage(user, { conversationId, modelId: "m", message: { id: randomUUID(), text: "hi" } }, { tuning: options }),
  );
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!text.includes('"text-delta"')) {
    const next = await reader.read();
    if (next.done) throw new Error(`stream ended early: ${text}`);
    text += next.value;
  }
  // The first partial save has landed: nothing is being written when the test cuts the database off.
  await waitFor(
    async () => storedText((await getDb().message.findFirst({ where: { conversationId, role: "assistant" } }))?.parts) === "Hello",
    5_000,
    "the first partial save landed:",
  );
  return {
    async rest(): Promise<string> {
      for (;;) {
        const next = await reader.read();
        if (next.done) return text;
        text += next.value;
      }
    },
  };
}

const answerOf = async (conversationId: string) => {
  const row = await getDb().message.findFirst({ where: { conversationId, role: "assistant" } });
  if (!row) throw new Error("no answer row");
  return row;
};

describe(`an answer ending while the database refuses writes, on ${testProvider()}`, () => {
  it("reaches the reader whole, and is stored complete with its usage once the database is back", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const conversationId = randomUUID();
    try {
      const stream = await sendAndWaitForFirstToken(conversationId, tuning(60_000));
      await refuseWrites(database.current);
      openGate();
      const sse = await stream.rest();
      expect(sse).toContain('"delta":" world"');
      expect(sse).toContain('"status":"complete"');

      const { id } = await answerOf(conversationId);
      expect(pendingFinalSaveIds()).toContain(id);
      expect((await answerOf(conversationId)).status).toBe("streaming");
      // The answer's usage (the title's own usage row, with no message, races the outage and is not counted here).
      expect(await getDb().usageRecord.count({ where: { messageId: { not: null } } })).toBe(0);

      await allowWrites(database.current);
      await whenFinalSavesSettled();
    } finally {
      await allowWrites(database.current);
      quiet.mockRestore();
    }
    const answer = await answerOf(conversationId);
    expect(answer).toMatchObject({ status: "complete", inputTokens: 7, outputTokens: 2, usageIsEstimated: false });
    expect(storedText(answer.parts)).toBe("Hello world");
    const usage = await getDb().usageRecord.findMany({ where: { messageId: { not: null } } });
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ messageId: answer.id, inputTokens: 7, outputTokens: 2 });
    expect(pendingFinalSaveIds()).toEqual([]);
  });

  it("when the retries give up, the sweep marks the answer interrupted once the database is back; live answers are left alone", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const conversationId = randomUUID();
    try {
      const stream = await sendAndWaitForFirstToken(conversationId, tuning(200));
      await refuseWrites(database.current);
      openGate();
      await stream.rest();
      await whenFinalSavesSettled();
      expect(pendingFinalSaveIds()).toEqual([]);
      expect(isGenerating(conversationId)).toBe(false);
      await allowWrites(database.current);
    } finally {
      await allowWrites(database.current);
      quiet.mockRestore();
    }
    expect((await answerOf(conversationId)).status).toBe("streaming");

    // A live answer in this process, however old its row, is not swept.
    const liveConversation = randomUUID();
    gate = new Promise((resolve) => {
      openGate = resolve;
    });
    const live = await sendAndWaitForFirstToken(liveConversation, tuning(60_000));

    const inAnHour = Date.now() + 60 * 60_000;
    expect(await sweepStaleAnswers(testProvider(), inAnHour)).toBe(1);
    const swept = await answerOf(conversationId);
    expect(swept.status).toBe("interrupted");
    expect("Hello world".startsWith(storedText(swept.parts))).toBe(true);
    expect((await answerOf(liveConversation)).status).toBe("streaming");

    openGate();
    await live.rest();
    expect((await answerOf(liveConversation)).status).toBe("complete");
  });
});
