import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { answerAdmission } from "@/lib/chat/admission";
import { answerSettingsFor } from "@/lib/chat/conversation-settings";
import { isGenerating } from "@/lib/chat/generation-registry";
import { getDb } from "@/lib/db/client";
import { saveModel } from "@/lib/models/save-model";
import { testProvider, useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { signInNewUser } from "../support/signed-in-user";
import { answerSettled } from "../support/wait-for";

// A failure after the turn is stored but before the backend is asked (the database refusing the new chat's settings)
// must not keep the conversation busy or an answer slot taken: the next message goes through.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("@/lib/chat/conversation-settings", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/chat/conversation-settings")>();
  return { ...actual, answerSettingsFor: vi.fn(actual.answerSettingsFor) };
});

const database = useTestDatabase();
const fakes = useFakes();

beforeEach(async () => {
  await database.reset();
  await signInNewUser();
  await saveModel({
    id: "vllm",
    name: "Llama 2",
    config: { provider: "openai-compatible", endpoint: `${fakes.vllm.url}/v1`, model: fakes.vllm.servedModel },
    isDefault: true,
  });
});

function send(conversationId: string, text: string) {
  return postChat(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ conversationId, modelId: "vllm", message: { id: randomUUID(), text } }),
    }),
  );
}

describe(`a send that fails before the backend is asked, on ${testProvider()}`, () => {
  it("frees the conversation and the answer slot, marks the empty answer failed, and the next message is answered", async () => {
    const conversationId = randomUUID();
    const slotsBefore = answerAdmission().counts.active;
    vi.mocked(answerSettingsFor).mockRejectedValueOnce(new Error("database went away"));

    const failed = await send(conversationId, "First");

    expect(failed.status).toBe(500);
    expect(isGenerating(conversationId)).toBe(false);
    expect(answerAdmission().counts.active).toBe(slotsBefore);
    const answer = await getDb().message.findFirstOrThrow({ where: { conversationId, role: "assistant" } });
    expect(answer).toMatchObject({ status: "error" });

    const next = await send(conversationId, "Again");
    expect(next.status).toBe(200);
    await next.text();
    await answerSettled(conversationId);
    const answers = await getDb().message.findMany({ where: { conversationId, role: "assistant" }, orderBy: { createdAt: "asc" } });
    expect(answers.map((row) => row.status)).toEqual(["error", "complete"]);
  });
});
