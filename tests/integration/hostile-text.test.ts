import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { POST as postCompare } from "@/app/(chat)/api/compare/route";
import { storedText } from "@/lib/chat/stored-message";
import { getDb } from "@/lib/db/client";
import { saveModel } from "@/lib/models/save-model";
import { testProvider, useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { actAs, signInNewUser } from "../support/signed-in-user";
import { answerSettled } from "../support/wait-for";

// NUL characters and lone surrogates (from a request body or a backend's answer) are normalised before anything is
// stored: NUL removed, a lone surrogate replaced by U+FFFD. PostgreSQL refuses NUL in text and JSON; both databases
// refuse lone surrogates. And a first message that is refused never leaves an empty conversation behind.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
const fakes = useFakes();
let userId: string;
const TIMEOUTS = { connectMs: 3_000, firstTokenMs: 3_000, idleMs: 3_000 };

beforeEach(async () => {
  await database.reset();
  fakes.reset();
  const user = await signInNewUser();
  userId = user.id;
  await saveModel({
    id: "vllm",
    name: "Llama",
    config: { provider: "openai-compatible", endpoint: `${fakes.vllm.url}/v1`, model: fakes.vllm.servedModel, timeouts: TIMEOUTS },
    isDefault: true,
  });
  await saveModel({ id: "ollama", name: "Ollama", config: { provider: "ollama", endpoint: fakes.ollama.url, model: "llama2", timeouts: TIMEOUTS } });
});

/** The raw JSON text is sent as is: JSON.stringify would escape a lone surrogate the same way, NUL as \u0000. */
function sendRaw(body: string): Promise<Response> {
  return postChat(new Request("http://localhost/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body }));
}

function messageBody(conversationId: string, text: string, messageId: string = randomUUID()): string {
  return JSON.stringify({ conversationId, modelId: "vllm", message: { id: messageId, text } });
}

async function settled(conversationId: string) {
  await answerSettled(conversationId);
  return getDb().message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
}

describe(`hostile text on ${testProvider()}`, () => {
  it("stores a question with NUL and lone surrogates cleaned, and answers it", async () => {
    const conversationId = randomUUID();
    const response = await sendRaw(messageBody(conversationId, "a\u0000b \ud800 c \udfff d \ud83d\ude00"));
    expect(response.status).toBe(200);
    await response.text();

    const [question, answer] = await settled(conversationId);
    expect(storedText(question?.parts)).toBe("ab \ufffd c \ufffd d \ud83d\ude00");
    expect(answer).toMatchObject({ role: "assistant", status: "complete" });
  });

  it("refuses a message that is nothing but NUL with a clear 400, and creates no conversation", async () => {
    const conversationId = randomUUID();
    const response = await sendRaw(messageBody(conversationId, "\u0000\u0000"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "bad_request", message: "Type a message first." } });
    expect(await getDb().conversation.count()).toBe(0);
  });

  it("stores a backend answer that holds NUL and lone surrogates, cleaned", async () => {
    fakes.vllm.reply = "Hello\u0000 wor\ud800ld";
    const conversationId = randomUUID();
    const response = await sendRaw(messageBody(conversationId, "hi"));
    await response.text();
    const [, answer] = await settled(conversationId);
    expect(answer).toMatchObject({ status: "complete" });
    expect(storedText(answer?.parts)).toBe("Hello wor\ufffdld");
  });

  it("a first message refused after its conversation was created (a message id already used) leaves no conversation", async () => {
    const first = randomUUID();
    const messageId = randomUUID();
    await (await sendRaw(messageBody(first, "hello", messageId))).text();
    await settled(first);

    const second = randomUUID();
    const response = await sendRaw(messageBody(second, "hello again", messageId));
    expect(response.status).toBe(409);
    expect(await getDb().conversation.findUnique({ where: { id: second } })).toBeNull();
    expect(await getDb().conversation.count({ where: { userId } })).toBe(1);
  });

  it("a Compare run whose first message fails to store leaves no conversation", async () => {
    const conversationId = randomUUID();
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // Messages are inserted with raw SQL (lib/db/messages.ts): only those inserts fail.
    const db = getDb();
    const queryRaw = db.$queryRaw.bind(db);
    const failing = vi
      .spyOn(db, "$queryRaw")
      .mockImplementation(((query: TemplateStringsArray, ...values: unknown[]) =>
        query.join("").includes('INSERT INTO "Message"')
          ? Promise.reject(new Error("database went away"))
          : queryRaw(query, ...values)) as typeof db.$queryRaw);
    try {
      const response = await postCompare(
        new Request("http://localhost/api/compare", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ conversationId, prompt: "compare this", modelIds: ["vllm", "ollama"] }),
        }) as never,
        {} as never,
      );
      expect(response.status).toBe(500);
      expect(failing).toHaveBeenCalled();
    } finally {
      failing.mockRestore();
      quiet.mockRestore();
    }
    expect(await getDb().conversation.findUnique({ where: { id: conversationId } })).toBeNull();
  });
});

describe("POST /api/chat without a session", () => {
  it("answers 401 before reading the body (an anonymous client cannot make the server parse a megabyte)", async () => {
    actAs(null);
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
        if (pulls >= 16) controller.close();
      },
    });
    const response = await postChat(new Request("http://localhost/api/chat", { method: "POST", body, duplex: "half" } as RequestInit));
    expect(response.status).toBe(401);
    // A stream pulls its first chunk when it is created; nothing further was read.
    expect(pulls).toBeLessThanOrEqual(1);
  });
});
