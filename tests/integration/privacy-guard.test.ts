import { randomUUID } from "node:crypto";
import type { UIMessageChunk } from "ai";
import OpenAI from "openai";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { POST as postCompare } from "@/app/(chat)/api/compare/route";
import { createApiKey } from "@/lib/api-keys/service";
import { getCurrentUser } from "@/lib/auth/session";
import { isGenerating } from "@/lib/chat/generation-registry";
import { storedText } from "@/lib/chat/stored-message";
import type { SendMessageInput } from "@/lib/chat/types";
import { getDb } from "@/lib/db/client";
import { savePrivacySettings } from "@/lib/db/privacy-settings";
import { createUser } from "@/lib/db/users";
import { saveModel } from "@/lib/models/save-model";
import type { PrivacyPolicyOverride } from "@/lib/privacy/policy";
import { ECHO_PHRASE } from "@/tests/fakes/echo";
import { testProvider, useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { API_BASE_URL, appFetch } from "../support/openai-api-app";
import { answerSettled } from "../support/wait-for";

// The privacy guard on every way a prompt leaves the app: the chat (send, regenerate), Compare, titles and the /v1
// API, through the real route handlers, against the fake backends and their request logs.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
const fakes = useFakes();
let user: { id: string };

const TIMEOUTS = { connectMs: 3_000, firstTokenMs: 3_000, idleMs: 3_000 };
const IBAN = "DE89 3704 0044 0532 0130 00";
const EMAIL = "anna.schmidt@example.com";
/** The fake answers with whatever follows the echo phrase, as the backend received it. */
const PERSONAL = `${ECHO_PHRASE} Pay ${IBAN} and write to ${EMAIL} today.`;

const inFlight = new Set<string>();

beforeEach(async () => {
  await Promise.all([...inFlight].map((id) => answerSettled(id)));
  await database.reset();
  fakes.reset();
  const created = await createUser({ email: "ann@example.com", role: "user", mayBecomeFirstAdmin: false });
  user = created;
  vi.mocked(getCurrentUser).mockResolvedValue({ id: created.id, email: "ann@example.com", name: null, image: null, role: "user", sessionId: "s" });
  await externalModel("redacting", { byCategory: { personal: "redact" } });
  await externalModel("blocking", { byCategory: { personal: "block" } });
  // The external boundary's default: personal data is a warning.
  await externalModel("warning", undefined);
  await saveModel({
    id: "internal",
    name: "Llama 2 (vLLM)",
    config: { provider: "openai-compatible", endpoint: `${fakes.vllm.url}/v1`, model: fakes.vllm.servedModel, timeouts: TIMEOUTS },
  });
});

async function externalModel(id: string, privacy: PrivacyPolicyOverride | undefined) {
  await saveModel({
    id,
    name: `GPT-4o (${id})`,
    config: { provider: "azure-openai", endpoint: fakes.azure.url, deployment: "gpt-4o", apiKey: fakes.azure.apiKey, timeouts: TIMEOUTS, privacy },
  });
}

function input(text: string, modelId: string, extra: Partial<SendMessageInput> = {}): SendMessageInput {
  const conversationId = randomUUID();
  inFlight.add(conversationId);
  return { conversationId, modelId, message: { id: randomUUID(), text }, ...extra };
}

function post(handler: (request: Request) => Promise<Response>, path: string, body: unknown): Promise<Response> {
  return handler(new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}
const send = (body: unknown) => post(postChat, "/api/chat", body);

function streamedText(sse: string): string {
  return sse
    .split("\n\n")
    .map((event) => event.trim())
    .filter((event) => event.startsWith("data: ") && event !== "data: [DONE]")
    .map((event) => JSON.parse(event.slice("data: ".length)) as UIMessageChunk)
    .map((chunk) => (chunk.type === "text-delta" ? chunk.delta : ""))
    .join("");
}

async function settled(conversationId: string) {
  await answerSettled(conversationId);
  return getDb().message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
}

const azureBodies = () => fakes.azure.requests.map((request) => JSON.stringify(request.json));
const auditOf = (action: string) => getDb().auditLogEntry.findMany({ where: { action } });

describe(`privacy guard on ${testProvider()}`, () => {
  it("redact: the backend receives placeholders only; the user's stream, the stored answer and the title have the originals", async () => {
    const body = input(PERSONAL, "redacting");
    const response = await send(body);
    expect(response.status).toBe(200);
    const shown = streamedText(await response.text());

    expect(shown).toBe(`Pay ${IBAN} and write to ${EMAIL} today.`);
    const [question, answer] = await settled(body.conversationId);
    expect(storedText(question?.parts)).toBe(PERSONAL);
    expect(storedText(answer?.parts)).toBe(shown);

    const sent = fakes.azure.requests[0]?.json as { messages: { role: string; content: string }[] };
    expect(sent.messages.at(-1)?.content).toBe(`${ECHO_PHRASE} Pay [IBAN_1] and write to [EMAIL_1] today.`);
    for (const request of azureBodies()) {
      expect(request).not.toContain(EMAIL);
      expect(request).not.toContain("3704");
    }
    const [entry] = await auditOf("privacy.redacted");
    expect(entry).toMatchObject({ actorId: user.id, target: "redacting", details: { surface: "chat", boundary: "external", email: 1, iban: 1 } });
    expect(JSON.stringify(entry?.details)).not.toContain("example.com");
  });

  it("redact: a later turn sends the earlier answer redacted again, with the same placeholders", async () => {
    const first = input(PERSONAL, "redacting");
    await (await send(first)).text();
    await settled(first.conversationId);
    const response = await send({ ...input(`${ECHO_PHRASE} Thanks.`, "redacting"), conversationId: first.conversationId });
    expect(response.status).toBe(200);
    await response.text();
    await settled(first.conversationId);

    const sent = fakes.azure.lastRequest?.json as { messages: { role: string; content: string }[] };
    expect(sent.messages.map((message) => message.content)).toContain("Pay [IBAN_1] and write to [EMAIL_1] today.");
    for (const request of azureBodies()) expect(request).not.toContain(EMAIL);
  });

  it("block: 422 with types and counts, nothing stored and the backend never called", async () => {
    const body = input(PERSONAL, "blocking");
    const response = await send(body);

    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; message: string; privacy: unknown } };
    expect(error.code).toBe("privacy_blocked");
    expect(error.message).toContain("1 e-mail address and 1 IBAN");
    expect(error.message).not.toContain(EMAIL);
    expect(error.privacy).toEqual({
      boundary: "external",
      blocked: [
        { type: "email", count: 1 },
        { type: "iban", count: 1 },
      ],
    });
    expect(fakes.azure.requestCount).toBe(0);
    expect(await getDb().conversation.count()).toBe(0);
    expect(await getDb().message.count()).toBe(0);
    expect(isGenerating(body.conversationId)).toBe(false);
    const [entry] = await auditOf("privacy.blocked");
    expect(entry).toMatchObject({ actorId: user.id, target: "blocking", details: { surface: "chat", boundary: "external", email: 1, iban: 1 } });
  });

  it("block: a regenerate is refused too when an earlier turn carries what the policy blocks", async () => {
    const first = input(PERSONAL, "internal");
    await (await send(first)).text();
    await settled(first.conversationId);
    const response = await send({ conversationId: first.conversationId, modelId: "blocking", regenerate: { parentId: first.message.id } });

    expect(response.status).toBe(422);
    expect(fakes.azure.requestCount).toBe(0);
    expect(await getDb().message.count({ where: { conversationId: first.conversationId } })).toBe(2);
  });

  it("block: a title model of its own is checked by its own policy, not by the chat model's", async () => {
    await getDb().setting.create({ data: { key: "chat.titleModelId", value: "blocking" } });
    const body = input(PERSONAL, "internal");
    expect((await send(body)).status).toBe(200);
    await settled(body.conversationId);

    // The answer's model lets everything through; the title model blocks personal data: no model title.
    const conversation = await getDb().conversation.findUniqueOrThrow({ where: { id: body.conversationId } });
    expect(conversation).toMatchObject({ titleIsSet: true });
    expect(conversation.title.startsWith(ECHO_PHRASE)).toBe(true);
    expect(fakes.azure.requestCount).toBe(0);
    const [entry] = await auditOf("privacy.blocked");
    expect(entry).toMatchObject({ actorId: user.id, target: "blocking", details: { surface: "title", boundary: "external", email: 1, iban: 1 } });
  });

  it("warn: 409 with the findings until the user confirms them, then sent as written and audited", async () => {
    const body = input(PERSONAL, "warning");
    const refused = await send(body);

    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as { error: { code: string; privacy: { warnings: { type: string; count: number }[] } } };
    expect(error.code).toBe("privacy_confirm");
    expect(error.privacy.warnings).toEqual([
      { type: "email", count: 1 },
      { type: "iban", count: 1 },
    ]);
    expect(fakes.azure.requestCount).toBe(0);
    expect(await getDb().message.count()).toBe(0);
    expect(await auditOf("privacy.confirmed")).toEqual([]);

    // Confirming fewer findings than there are is no confirmation.
    expect((await send({ ...body, privacyAcknowledged: [{ type: "email", count: 1 }] })).status).toBe(409);

    const confirmed = await send({ ...body, privacyAcknowledged: error.privacy.warnings });
    expect(confirmed.status).toBe(200);
    expect(streamedText(await confirmed.text())).toBe(`Pay ${IBAN} and write to ${EMAIL} today.`);
    await settled(body.conversationId);
    const sent = fakes.azure.requests[0]?.json as { messages: { content: string }[] };
    expect(sent.messages.at(-1)?.content).toBe(PERSONAL);
    const [entry] = await auditOf("privacy.confirmed");
    expect(entry).toMatchObject({ target: "warning", details: { surface: "chat", email: 1, iban: 1 } });

    // The title cannot ask for a confirmation: no model title, the start of the message instead (it stays in the app).
    const conversation = await getDb().conversation.findUniqueOrThrow({ where: { id: body.conversationId } });
    expect(conversation.titleIsSet).toBe(true);
    expect(conversation.title.startsWith(ECHO_PHRASE)).toBe(true);
    expect(fakes.azure.requestCount).toBe(1);
  });

  it("allow: an internal model gets the text unchanged and nothing is audited", async () => {
    const body = input(PERSONAL, "internal");
    const response = await send(body);
    expect(response.status).toBe(200);
    expect(streamedText(await response.text())).toBe(`Pay ${IBAN} and write to ${EMAIL} today.`);
    await settled(body.conversationId);

    const sent = fakes.vllm.requests[0]?.json as { messages: { content: string }[] };
    expect(sent.messages.at(-1)?.content).toBe(PERSONAL);
    expect(await getDb().auditLogEntry.count({ where: { action: { startsWith: "privacy." } } })).toBe(0);
  });

  it("an admin's boundary policy and confidential terms apply to every model of that boundary", async () => {
    await savePrivacySettings({
      boundaryPolicies: { internal: { byCategory: { confidential: "block" } } },
      customRules: [{ kind: "term", value: "Falcon", label: "PROJECT" }],
    });
    const response = await send(input("How is project Falcon going?", "internal"));

    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("1 confidential term");
    expect(fakes.vllm.requestCount).toBe(0);
  });

  it("Compare: a model that blocks refuses the whole run before anything is stored; redacting and internal models get their own prompts", async () => {
    const conversationId = randomUUID();
    inFlight.add(conversationId);
    const blocked = await post(postCompare, "/api/compare", { conversationId, prompt: PERSONAL, modelIds: ["internal", "blocking"] });
    expect(blocked.status).toBe(422);
    expect(fakes.vllm.requestCount + fakes.azure.requestCount).toBe(0);
    expect(await getDb().message.count()).toBe(0);

    const run = await post(postCompare, "/api/compare", { conversationId, prompt: PERSONAL, modelIds: ["internal", "redacting"] });
    expect(run.status).toBe(201);
    const rows = await settled(conversationId);
    const answers = rows.filter((row) => row.role === "assistant");
    expect(answers.map((row) => storedText(row.parts))).toEqual([`Pay ${IBAN} and write to ${EMAIL} today.`, `Pay ${IBAN} and write to ${EMAIL} today.`]);
    expect((fakes.vllm.requests[0]?.json as { messages: { content: string }[] }).messages.at(-1)?.content).toBe(PERSONAL);
    for (const request of azureBodies()) expect(request).not.toContain(EMAIL);
    // The title is written after the answers: wait for it, so it does not outlive this test.
    const until = Date.now() + 8_000;
    while (!(await getDb().conversation.findUnique({ where: { id: conversationId } }))?.titleIsSet && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it("Compare: an external model under warn answers 409 with the findings; the same request acknowledged is sent as written", async () => {
    const conversationId = randomUUID();
    inFlight.add(conversationId);
    const request = { conversationId, prompt: PERSONAL, modelIds: ["internal", "warning"] };
    const refused = await post(postCompare, "/api/compare", request);

    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as { error: { code: string; privacy: { warnings: { type: string; count: number }[] } } };
    expect(error.code).toBe("privacy_confirm");
    expect(error.privacy.warnings).toEqual([
      { type: "email", count: 1 },
      { type: "iban", count: 1 },
    ]);
    expect(fakes.vllm.requestCount + fakes.azure.requestCount).toBe(0);
    expect(await getDb().message.count()).toBe(0);

    const run = await post(postCompare, "/api/compare", { ...request, privacyAcknowledged: error.privacy.warnings });
    expect(run.status).toBe(201);
    const answers = (await settled(conversationId)).filter((row) => row.role === "assistant");
    expect(answers.map((row) => storedText(row.parts))).toEqual([`Pay ${IBAN} and write to ${EMAIL} today.`, `Pay ${IBAN} and write to ${EMAIL} today.`]);
    expect((fakes.azure.requests[0]?.json as { messages: { content: string }[] }).messages.at(-1)?.content).toBe(PERSONAL);
    const [entry] = await auditOf("privacy.confirmed");
    expect(entry).toMatchObject({ target: "warning", details: { surface: "compare", email: 1, iban: 1 } });
    // The title is written after the answers: wait for it, so it does not outlive this test.
    const until = Date.now() + 8_000;
    while (!(await getDb().conversation.findUnique({ where: { id: conversationId } }))?.titleIsSet && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it("/v1: block and warn are 400 OpenAI errors with a code; redact restores the answer", async () => {
    const created = await createApiKey(user, { name: "laptop", expiresInDays: 30, saveToHistory: false }, { ipAddress: null, userAgent: null });
    if (!created.ok) throw new Error(created.message);
    const client = new OpenAI({ apiKey: created.key, baseURL: API_BASE_URL, fetch: appFetch, maxRetries: 0 });
    const ask = (model: string) => client.chat.completions.create({ model, messages: [{ role: "user", content: PERSONAL }] });

    await expect(ask("blocking")).rejects.toMatchObject({ status: 400, code: "privacy_blocked" });
    await expect(ask("warning")).rejects.toMatchObject({ status: 400, code: "privacy_confirmation_required" });
    expect(fakes.azure.requestCount).toBe(0);

    const completion = await ask("redacting");
    expect(completion.choices[0]?.message.content).toBe(`Pay ${IBAN} and write to ${EMAIL} today.`);
    let streamed = "";
    for await (const chunk of await client.chat.completions.create({ model: "redacting", stream: true, messages: [{ role: "user", content: PERSONAL }] })) {
      streamed += chunk.choices[0]?.delta.content ?? "";
    }
    expect(streamed).toBe(`Pay ${IBAN} and write to ${EMAIL} today.`);
    for (const request of azureBodies()) expect(request).not.toContain(EMAIL);
  });
});
