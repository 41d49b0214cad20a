import { randomUUID } from "node:crypto";
import type { UIMessageChunk } from "ai";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { getCurrentUser } from "@/lib/auth/session";
import { getGenerationForMessage } from "@/lib/chat/generation-registry";
import { followRelayedAnswer } from "@/lib/chat/live-relay";
import type { SendMessageInput } from "@/lib/chat/types";
import { getDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { saveModel } from "@/lib/models/save-model";
import { ECHO_PHRASE } from "@/tests/fakes/index";
import { useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";

// Following an answer from another instance through the real Redis: the writer's chunks arrive as they are written
// (what was missed first, then live), a finished answer is not relayed (the reader shows the saved text), and the
// answer itself never depends on the relay. The reader side here is what GET /api/chat/[id]/stream does on an
// instance that does not hold the answer.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.stubEnv("REDIS_URL", process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");

const database = useTestDatabase();
const fakes = useFakes();

beforeEach(async () => {
  await database.reset();
  fakes.azure.reset();
  const user = await createUser({ email: "ann@example.com", role: "user", mayBecomeFirstAdmin: false });
  vi.mocked(getCurrentUser).mockResolvedValue({ id: user.id, email: user.email, name: null, image: null, role: "user", sessionId: "s" });
  await saveModel({
    id: "azure",
    name: "GPT-4o",
    config: { provider: "azure-openai", endpoint: fakes.azure.url, deployment: "gpt-4o", apiKey: fakes.azure.apiKey },
    isDefault: true,
  });
});

async function startAnswer(reply: string): Promise<{ conversationId: string; messageId: string; response: Response }> {
  const body: SendMessageInput = { conversationId: randomUUID(), modelId: "azure", message: { id: randomUUID(), text: `${ECHO_PHRASE} ${reply}` } };
  const response = await postChat(
    new Request("http://localhost/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  );
  expect(response.status).toBe(200);
  const answer = await getDb().message.findFirstOrThrow({ where: { conversationId: body.conversationId, role: "assistant" } });
  return { conversationId: body.conversationId, messageId: answer.id, response };
}

/**
 * Follows the answer once the writer has registered it in Redis (a subscription and a key, a moment after the answer
 * started): a reader that comes earlier is told it is not relayed, as after a reload that came too soon.
 */
async function followOnceRelayed(messageId: string): Promise<ReadableStream<UIMessageChunk>> {
  return vi.waitFor(async () => {
    const stream = await followRelayedAnswer(messageId);
    if (!stream) throw new Error("not relayed yet");
    return stream;
  });
}

async function readAll(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return chunks;
}

const textOf = (chunks: UIMessageChunk[]) => chunks.map((chunk) => (chunk.type === "text-delta" ? chunk.delta : "")).join("");

describe("live answers relayed through Redis", () => {
  it("a reader elsewhere gets what was written so far, then every token live, then the end", async () => {
    fakes.azure.timings = { ...fakes.azure.timings, tokenDelayMs: 40 };
    const words = Array.from({ length: 30 }, (_, index) => `w${index}`).join(" ");
    const { conversationId, messageId, response } = await startAnswer(words);
    // Join mid-answer: the first tokens were written before the reader came.
    const local = response.body!.getReader();
    for (let read = 0; read < 6; read++) await local.read();

    const reader = (await followOnceRelayed(messageId)).getReader();
    const seen: UIMessageChunk[] = [];
    let sawLiveWhileStreaming = false;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      seen.push(value);
      if (value.type === "text-delta" && getGenerationForMessage(conversationId, messageId)) sawLiveWhileStreaming = true;
    }
    await local.cancel();
    expect(sawLiveWhileStreaming).toBe(true);
    expect(seen[0]).toMatchObject({ type: "start", messageId });
    expect(textOf(seen)).toBe(words);
    expect(seen.at(-1)).toMatchObject({ type: "finish" });
    // More than the replay: tokens came one by one.
    expect(seen.filter((chunk) => chunk.type === "text-delta").length).toBeGreaterThan(5);
  });

  it("a finished answer is not relayed: the reader falls back to the saved text", async () => {
    const { messageId, response } = await startAnswer("short answer");
    await response.text();
    await vi.waitFor(async () => {
      const row = await getDb().message.findUniqueOrThrow({ where: { id: messageId } });
      expect(row.status).toBe("complete");
    });
    await vi.waitFor(async () => expect(await followRelayedAnswer(messageId)).toBeNull());
  });

  it("an answer nobody relays (unknown id) gives null at once", async () => {
    expect(await followRelayedAnswer(randomUUID())).toBeNull();
  });

  it("two readers elsewhere both get the whole answer", async () => {
    fakes.azure.timings = { ...fakes.azure.timings, tokenDelayMs: 20 };
    const words = Array.from({ length: 20 }, (_, index) => `x${index}`).join(" ");
    // Both readers join before the first token, however slow this machine is.
    const release = fakes.azure.hold();
    const { messageId, response } = await startAnswer(words);
    const first = await followOnceRelayed(messageId);
    const second = await followOnceRelayed(messageId);
    release();
    const [a, b] = await Promise.all([readAll(first), readAll(second), response.text()]);
    expect(textOf(a!)).toBe(words);
    expect(textOf(b!)).toBe(words);
  });
});
