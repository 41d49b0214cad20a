import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import type { ModelConfigInput } from "@/lib/ai/model-config";
import { localTokenizer } from "@/lib/ai/tokens/local-tokenizers";
import { UNANSWERED_PLACEHOLDER } from "@/lib/chat/history";
import { storedText } from "@/lib/chat/stored-message";
import { getDb } from "@/lib/db/client";
import { getOrCreateConversation, setTitleIfUnset } from "@/lib/db/conversations";
import { createAssistantMessage, finishAssistantMessage, insertUserMessage } from "@/lib/db/messages";
import { saveModel } from "@/lib/models/save-model";
import type { AllFakes } from "@/tests/fakes/index";
import { testProvider, useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { signInNewUser } from "../support/signed-in-user";
import { answerSettled } from "../support/wait-for";

// After an answer without text (failed, or stopped before its first token) the next message must get an answer from
// every backend: the history sent alternates, with a placeholder where the answer is missing (lib/chat/history.ts).

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
const fakes = useFakes();
let userId: string;
const TIMEOUTS = { connectMs: 3_000, firstTokenMs: 3_000, idleMs: 3_000 };

beforeAll(async () => {
  // Warm, as a running server is: loading a vocabulary blocks the event loop for seconds on a busy machine.
  await Promise.all((["o200k", "llama2"] as const).map((kind) => localTokenizer(kind)));
});
beforeEach(async () => {
  await database.reset();
  fakes.reset();
  const user = await signInNewUser();
  userId = user.id;
});

const BACKENDS: Array<{ name: string; config: (f: AllFakes) => ModelConfigInput; sentRoles?: (f: AllFakes) => string[] | undefined }> = [
  {
    name: "azure-openai",
    config: (f) => ({ provider: "azure-openai", endpoint: f.azure.url, deployment: "gpt-4o", apiKey: f.azure.apiKey }),
    sentRoles: (f) => roles(f.azure.lastRequest?.json),
  },
  { name: "tgi (native)", config: (f) => ({ provider: "tgi", endpoint: f.tgi.url }) },
  {
    name: "tgi (Messages API)",
    config: (f) => ({ provider: "openai-compatible", endpoint: `${f.tgi.url}/v1`, model: "tgi" }),
    sentRoles: (f) => roles(f.tgi.lastRequest?.json),
  },
  {
    name: "vLLM",
    config: (f) => ({ provider: "openai-compatible", endpoint: `${f.vllm.url}/v1`, model: f.vllm.servedModel }),
    sentRoles: (f) => roles(f.vllm.lastRequest?.json),
  },
  {
    name: "llama.cpp",
    config: (f) => ({ provider: "openai-compatible", endpoint: `${f.llamaCpp.url}/v1` }),
    sentRoles: (f) => roles(f.llamaCpp.lastRequest?.json),
  },
  {
    name: "ollama",
    config: (f) => ({ provider: "ollama", endpoint: f.ollama.url, model: "llama2:7b-chat" }),
    sentRoles: (f) => roles(f.ollama.lastRequest?.json),
  },
  { name: "ai21 jamba", config: (f) => ({ provider: "ai21", api: "jamba", endpoint: `${f.ai21.url}/studio/v1`, model: "jamba-mini", apiKey: f.ai21.apiKey }) },
  { name: "ai21 J2 chat", config: (f) => ({ provider: "ai21", api: "chat", endpoint: `${f.ai21.url}/studio/v1`, model: "j2-ultra", apiKey: f.ai21.apiKey }) },
  {
    name: "ai21 J2 complete",
    config: (f) => ({ provider: "ai21", api: "complete", endpoint: `${f.ai21.url}/studio/v1`, model: "j2-ultra", apiKey: f.ai21.apiKey }),
  },
];

function roles(json: unknown): string[] | undefined {
  const messages = (json as { messages?: Array<{ role: string }> } | undefined)?.messages;
  return messages?.map((message) => message.role);
}

/** A conversation whose first question has an answer without text, stored as the backend left it. */
async function conversationWithUnanswered(status: "error" | "stopped"): Promise<string> {
  const conversationId = randomUUID();
  await getOrCreateConversation({ id: conversationId, userId, modelId: "model" });
  await setTitleIfUnset(conversationId, "Unanswered");
  const at = Date.now() - 10_000;
  await insertUserMessage({ id: randomUUID(), conversationId, text: "The first question", createdAt: new Date(at) });
  const answerId = randomUUID();
  await createAssistantMessage({ id: answerId, conversationId, modelId: "model", createdAt: new Date(at + 1) });
  await finishAssistantMessage(answerId, {
    status,
    text: "",
    finishReason: status === "error" ? "error" : null,
    error: status === "error" ? "The model stopped unexpectedly while answering. Please try again." : null,
    usage: null,
    metadata: {},
  });
  return conversationId;
}

describe(`the next message after an answer without text, on ${testProvider()}`, () => {
  for (const backend of BACKENDS) {
    for (const status of ["error", "stopped"] as const) {
      it(`${backend.name}: answers after a ${status === "error" ? "failed" : "stopped"} answer`, async () => {
        await saveModel({ id: "model", name: backend.name, config: { ...backend.config(fakes), timeouts: TIMEOUTS } as ModelConfigInput, isDefault: true });
        const conversationId = await conversationWithUnanswered(status);

        const response = await postChat(
          new Request("http://localhost/api/chat", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ conversationId, modelId: "model", message: { id: randomUUID(), text: "The second question" } }),
          }),
        );
        expect(response.status).toBe(200);
        await response.text();
        await answerSettled(conversationId);

        const answers = await getDb().message.findMany({ where: { conversationId, role: "assistant" }, orderBy: { createdAt: "asc" } });
        expect(answers.at(-1)).toMatchObject({ status: "complete", error: null });
        expect(storedText(answers.at(-1)?.parts)).not.toBe("");
        // Nothing the user sees changed: the unanswered answer is still stored without text.
        expect(storedText(answers[0]?.parts)).toBe("");
        const sent = backend.sentRoles?.(fakes);
        if (sent) expect(sent.filter((role) => role !== "system")).toEqual(["user", "assistant", "user"]);
      });
    }
  }

  it("sends the placeholder in place of the missing answer", async () => {
    await saveModel({
      id: "model",
      name: "vLLM",
      config: { provider: "openai-compatible", endpoint: `${fakes.vllm.url}/v1`, model: fakes.vllm.servedModel, timeouts: TIMEOUTS },
    });
    const conversationId = await conversationWithUnanswered("error");
    const response = await postChat(
      new Request("http://localhost/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ conversationId, modelId: "model", message: { id: randomUUID(), text: "Again?" } }),
      }),
    );
    await response.text();
    const chat = fakes.vllm.requests.find((request) => request.path === "/v1/chat/completions");
    expect((chat?.json as { messages: unknown[] }).messages).toEqual([
      { role: "user", content: "The first question" },
      { role: "assistant", content: UNANSWERED_PLACEHOLDER },
      { role: "user", content: "Again?" },
    ]);
  });
});
