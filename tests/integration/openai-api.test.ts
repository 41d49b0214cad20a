import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, generateText, streamText } from "ai";
import OpenAI from "openai";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiKey, revokeApiKeyAsAdmin, revokeOwnApiKey } from "@/lib/api-keys/service";
import { getCurrentUser } from "@/lib/auth/session";
import { setApiKeyPolicy } from "@/lib/db/api-key-settings";
import { getDb } from "@/lib/db/client";
import { createLocalGroup } from "@/lib/db/groups";
import { setModelAccessGroups } from "@/lib/db/model-access";
import { saveQuota } from "@/lib/db/quotas";
import { recordUsage } from "@/lib/db/usage";
import { createUser } from "@/lib/db/users";
import { saveModel } from "@/lib/models/save-model";
import { FAILED_AUTH_PER_MINUTE } from "@/lib/openai-api/failed-auth-limit";
import { magicPhrase } from "@/tests/fakes/index";
import { testProvider, useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { API_BASE_URL, appFetch } from "../support/openai-api-app";
import { actAs } from "../support/signed-in-user";
import { sseData } from "../support/sse";

// The OpenAI-compatible API driven by real clients written by others: the official `openai` package and the AI
// SDK's @ai-sdk/openai-compatible, both pointed at the /v1 route handlers, against the fake backends.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
const fakes = useFakes();
let ann: { id: string };
let key: string;
let keyId: string;

const TIMEOUTS = { connectMs: 3_000, firstTokenMs: 3_000, idleMs: 3_000 };
const where = { ipAddress: "127.0.0.1", userAgent: "vitest" };

/** Every backend type, as model id → its fake's answer. */
const BACKENDS = ["azure", "tgi", "vllm", "ollama", "j2-chat", "j2-complete", "jamba"] as const;

beforeEach(async () => {
  await database.reset();
  fakes.reset();
  ann = await createUser({ email: "ann@example.com", role: "user", mayBecomeFirstAdmin: false });
  const created = await createApiKey(ann, { name: "laptop", expiresInDays: 30, saveToHistory: false }, where);
  if (!created.ok) throw new Error(created.message);
  key = created.key;
  keyId = created.summary.id;
  const ai21 = `${fakes.ai21.url}/studio/v1`;
  await saveModel({
    id: "azure",
    name: "GPT-4o",
    config: { provider: "azure-openai", endpoint: fakes.azure.url, deployment: "gpt-4o", apiKey: fakes.azure.apiKey, timeouts: TIMEOUTS },
    isDefault: true,
  });
  await saveModel({ id: "tgi", name: "Llama 2 (TGI)", config: { provider: "tgi", endpoint: fakes.tgi.url, timeouts: TIMEOUTS } });
  await saveModel({
    id: "vllm",
    name: "Llama 2 (vLLM)",
    config: { provider: "openai-compatible", endpoint: `${fakes.vllm.url}/v1`, model: fakes.vllm.servedModel, timeouts: TIMEOUTS },
  });
  await saveModel({
    id: "ollama",
    name: "Llama 2 (Ollama)",
    config: { provider: "ollama", endpoint: fakes.ollama.url, model: "llama2:7b-chat", timeouts: TIMEOUTS },
  });
  await saveModel({
    id: "j2-chat",
    name: "J2 chat",
    config: { provider: "ai21", api: "chat", endpoint: ai21, model: "j2-ultra", apiKey: fakes.ai21.apiKey, timeouts: TIMEOUTS },
  });
  await saveModel({
    id: "j2-complete",
    name: "J2 complete",
    config: { provider: "ai21", api: "complete", endpoint: ai21, model: "j2-ultra", apiKey: fakes.ai21.apiKey, timeouts: TIMEOUTS },
  });
  await saveModel({
    id: "jamba",
    name: "Jamba",
    config: { provider: "ai21", api: "jamba", endpoint: ai21, model: "jamba-large", apiKey: fakes.ai21.apiKey, timeouts: TIMEOUTS },
  });
  await saveModel({
    id: "down",
    name: "Unreachable",
    config: { provider: "openai-compatible", endpoint: "http://127.0.0.1:1/v1", model: "m", timeouts: TIMEOUTS },
  });
  await saveModel({ id: "off", name: "Disabled", config: { provider: "ollama", endpoint: fakes.ollama.url, model: "x" }, enabled: false });
  await saveModel({ id: "secret", name: "Finance only", config: { provider: "ollama", endpoint: fakes.ollama.url, model: "llama2:7b-chat" } });
  const finance = await createLocalGroup({ name: "finance", role: null });
  await setModelAccessGroups("secret", [finance.id]);
});

function openai(apiKey = key) {
  return new OpenAI({ apiKey, baseURL: API_BASE_URL, fetch: appFetch, maxRetries: 0 });
}

function aiSdk(apiKey = key) {
  return createOpenAICompatible({ name: "chat", baseURL: API_BASE_URL, apiKey, fetch: appFetch, includeUsage: true });
}

function replyOf(modelId: (typeof BACKENDS)[number]): string {
  if (modelId === "azure") return fakes.azure.reply;
  if (modelId === "tgi") return fakes.tgi.reply;
  if (modelId === "vllm") return fakes.vllm.reply;
  if (modelId === "ollama") return fakes.ollama.reply;
  return fakes.ai21.reply;
}

async function caught(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error;
    throw error;
  }
  throw new Error("expected an APIError");
}

const usageRows = () => getDb().usageRecord.findMany({ orderBy: { createdAt: "asc" } });

describe(`OpenAI-compatible API on ${testProvider()}`, () => {
  it("lists the models this key's owner may use, by the app's ids", async () => {
    const page = await openai().models.list();
    const ids = page.data.map((model) => model.id);
    expect(ids).toEqual(expect.arrayContaining([...BACKENDS, "down"]));
    expect(ids).not.toContain("off");
    expect(ids).not.toContain("secret");
    expect(page.data[0]).toMatchObject({ object: "model", owned_by: "organization" });
    expect((await openai().models.retrieve("azure")).id).toBe("azure");
    expect((await caught(openai().models.retrieve("secret"))).status).toBe(403);
    expect((await caught(openai().models.retrieve("nope"))).status).toBe(404);
  });

  for (const modelId of BACKENDS) {
    it(`answers ${modelId} without and with streaming, usage recorded with the key`, async () => {
      const client = openai();
      const completion = await client.chat.completions.create({
        model: modelId,
        messages: [
          { role: "system", content: "Be brief." },
          { role: "user", content: [{ type: "text", text: "Hello" }] },
        ],
        temperature: 0.2,
        max_tokens: 200,
      });
      expect(completion).toMatchObject({
        object: "chat.completion",
        model: modelId,
        choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant" } }],
      });
      expect(completion.choices[0]?.message.content?.trim()).toBe(replyOf(modelId).trim());
      expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0));
      expect(completion.usage?.completion_tokens).toBeGreaterThan(0);

      const stream = await client.chat.completions.create({
        model: modelId,
        messages: [{ role: "user", content: "Hello" }],
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = "";
      const finishReasons: Array<string | null> = [];
      let usage: OpenAI.CompletionUsage | null | undefined;
      for await (const chunk of stream) {
        expect(chunk.object).toBe("chat.completion.chunk");
        for (const choice of chunk.choices) {
          text += choice.delta.content ?? "";
          finishReasons.push(choice.finish_reason);
        }
        if (chunk.usage) usage = chunk.usage;
      }
      expect(text.trim()).toBe(replyOf(modelId).trim());
      expect(finishReasons.at(-1)).toBe("stop");
      expect(usage?.completion_tokens).toBeGreaterThan(0);

      const rows = await usageRows();
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.apiKeyId === keyId && row.modelId === modelId && row.userId === ann.id && row.conversationId === null)).toBe(true);
      expect(await getDb().conversation.count()).toBe(0);
    });
  }

  it("works with the AI SDK's OpenAI-compatible provider, streaming and not, on every backend", async () => {
    const provider = aiSdk();
    for (const modelId of BACKENDS) {
      const generated = await generateText({ model: provider.chatModel(modelId), prompt: "Hello", maxRetries: 0 });
      expect(generated.text.trim()).toBe(replyOf(modelId).trim());
      expect(generated.usage.outputTokens).toBeGreaterThan(0);
      const streamed = streamText({ model: provider.chatModel(modelId), prompt: "Hello", maxRetries: 0 });
      expect((await streamed.text).trim()).toBe(replyOf(modelId).trim());
      expect((await streamed.usage).outputTokens).toBeGreaterThan(0);
    }
  });

  it("streams the SSE shape itself: a role chunk, deltas, a finish chunk, usage only when asked, then [DONE]", async () => {
    const response = await appFetch(`${API_BASE_URL}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "vllm", messages: [{ role: "user", content: "Hi" }], stream: true }),
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = sseData(await response.text());
    expect(events.at(-1)).toBe("[DONE]");
    const chunks = events.slice(0, -1).map((data) => JSON.parse(data));
    expect(chunks[0].choices[0].delta).toEqual({ role: "assistant", content: "" });
    expect(chunks.at(-1).choices[0]).toMatchObject({ delta: {}, finish_reason: "stop" });
    expect(chunks.every((chunk) => !("usage" in chunk))).toBe(true);
  });

  it("refuses without a valid key: missing, malformed, unknown, revoked (at its next request), expired; a session does not count", async () => {
    actAs({ id: ann.id, email: "ann@example.com" });
    const missing = await appFetch(`${API_BASE_URL}/models`, { headers: { cookie: "chat.session-token=anything" } });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { type: "authentication_error", code: "invalid_api_key", param: null } });
    expect(vi.mocked(getCurrentUser)).not.toHaveBeenCalled();

    expect((await caught(openai("not-a-key").models.list())).status).toBe(401);
    expect((await caught(openai(`sk-chat-${"A".repeat(43)}`).models.list())).status).toBe(401);

    const client = openai();
    await client.models.list();
    expect(await revokeOwnApiKey(ann, keyId, where)).toBe(true);
    const revoked = await caught(client.chat.completions.create({ model: "azure", messages: [{ role: "user", content: "Hi" }] }));
    expect(revoked).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(revoked.message).toContain("revoked");
    expect(fakes.azure.requestCount).toBe(0);

    const expiring = await createApiKey(ann, { name: "short", expiresInDays: 1, saveToHistory: false }, where);
    if (!expiring.ok) throw new Error(expiring.message);
    await getDb().apiKey.update({ where: { id: expiring.summary.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await caught(openai(expiring.key).models.list())).message).toContain("expired");
  });

  it("answers 429 to an address after too many invalid keys in a minute, without looking them up", async () => {
    const attempt = (address: string) =>
      appFetch(`${API_BASE_URL}/models`, { headers: { authorization: `Bearer sk-chat-${"B".repeat(43)}`, "x-forwarded-for": address } });
    for (let index = 0; index < FAILED_AUTH_PER_MINUTE; index++) expect((await attempt("203.0.113.9")).status).toBe(401);
    const blocked = await attempt("203.0.113.9");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await blocked.json()).toMatchObject({ error: { type: "rate_limit_error", code: "too_many_invalid_keys" } });
    expect((await attempt("203.0.113.10")).status).toBe(401);
  });

  it("stops an admin-revoked key, a disabled owner's key, and every key when the admins turn keys off or limit them to a group", async () => {
    const admin = await createUser({ email: "root@example.com", role: "admin", mayBecomeFirstAdmin: false });
    await getDb().user.update({ where: { id: ann.id }, data: { status: "disabled" } });
    expect((await caught(openai().models.list())).status).toBe(401);
    await getDb().user.update({ where: { id: ann.id }, data: { status: "active" } });
    await openai().models.list();

    await setApiKeyPolicy({ enabled: false, groupIds: [] });
    expect((await caught(openai().models.list())).status).toBe(401);
    const group = await createLocalGroup({ name: "api-users", role: null });
    await setApiKeyPolicy({ enabled: true, groupIds: [group.id] });
    expect((await caught(openai().models.list())).status).toBe(401);
    await getDb().groupMember.create({ data: { groupId: group.id, userId: ann.id } });
    await openai().models.list();

    expect(await revokeApiKeyAsAdmin(admin, keyId, where)).toBe(true);
    expect((await caught(openai().models.list())).status).toBe(401);
    const actions = (await getDb().auditLogEntry.findMany({ where: { target: keyId }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["api_key.created", "api_key.admin_revoked"]);
  });

  it("answers 403 for a model the owner may not use, 404 for an unknown or disabled one, before any backend call", async () => {
    const forbidden = await caught(openai().chat.completions.create({ model: "secret", messages: [{ role: "user", content: "Hi" }] }));
    expect(forbidden).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(forbidden.error).toMatchObject({ type: "permission_error", code: "model_not_allowed", param: "model" });
    for (const model of ["nope", "off"]) {
      const unknown = await caught(openai().chat.completions.create({ model, messages: [{ role: "user", content: "Hi" }] }));
      expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
      expect(unknown.error).toMatchObject({ code: "model_not_found", param: "model" });
    }
    expect(fakes.ollama.requestCount).toBe(0);
  });

  it("answers 400 naming the field for input it cannot take, and refuses n, tools, images and audio", async () => {
    const client = openai();
    const base = { model: "azure", messages: [{ role: "user" as const, content: "Hi" }] };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, temperature: 5 }, "temperature"],
      [{ ...base, messages: [] }, "messages"],
      [{ ...base, messages: [{ role: "user", content: 42 }] }, "messages[0].content"],
      [{ ...base, max_tokens: 0 }, "max_tokens"],
      [{ ...base, max_tokens: 10_000_000 }, "max_tokens"],
      [{ ...base, n: 2 }, "n"],
      [{ ...base, tools: [{ type: "function", function: { name: "f", parameters: {} } }] }, "tools"],
      [{ ...base, messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "https://x/y.png" } }] }] }, "messages[0].content[0]"],
      [{ ...base, messages: [{ role: "user", content: [{ type: "input_audio", input_audio: { data: "AA==", format: "wav" } }] }] }, "messages[0].content[0]"],
      [{ ...base, messages: [{ role: "tool", content: "x", tool_call_id: "1" }] }, "messages[0].role"],
      [{ model: "azure" }, "messages"],
    ];
    for (const [body, param] of cases) {
      const error = await caught(client.chat.completions.create(body as never));
      expect(error, JSON.stringify(body)).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error.error, JSON.stringify(body)).toMatchObject({ type: "invalid_request_error", param });
      expect(error.message.length).toBeGreaterThan(10);
    }
    const notJson = await appFetch(`${API_BASE_URL}/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: "{oops" });
    expect(notJson.status).toBe(400);
    expect(fakes.azure.requestCount).toBe(0);
  });

  it("answers 429 with Retry-After over a quota, which both clients surface as a rate-limit error", async () => {
    // A token limit already used up today (a per-minute limit could straddle a minute boundary and flake).
    await saveQuota({ owner: { userId: ann.id }, limits: { requestsPerMinute: null, tokensPerDay: 10, tokensPerMonth: null, costPerMonthUsd: null } });
    await recordUsage({ userId: ann.id, modelId: "vllm", inputTokens: 6, outputTokens: 4, estimated: false });
    const refused = await caught(openai().chat.completions.create({ model: "vllm", messages: [{ role: "user", content: "Hi" }] }));
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    expect(refused.error).toMatchObject({ code: "quota_exceeded" });
    expect(Number(refused.headers?.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers?.get("retry-after"))).toBeLessThanOrEqual(86_400);

    const aiSdkError = await generateText({ model: aiSdk().chatModel("vllm"), prompt: "Hi", maxRetries: 0 }).catch((error: unknown) => error);
    expect(APICallError.isInstance(aiSdkError) && aiSdkError.statusCode).toBe(429);
    expect(fakes.vllm.requestCount).toBe(0);
  });

  it("passes a backend's rate limit on as 429 and an unreachable backend as 503", async () => {
    const limited = await caught(
      openai().chat.completions.create({ model: "azure", messages: [{ role: "user", content: `Hi ${magicPhrase("rate-limit")}` }] }),
    );
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited.headers?.get("retry-after")).toMatch(/^\d+$/);
    const down = await caught(openai().chat.completions.create({ model: "down", messages: [{ role: "user", content: "Hi" }], stream: true }));
    expect(down.status).toBe(503);
    expect(down.error).toMatchObject({ type: "service_unavailable" });
    expect(await usageRows()).toHaveLength(0);
  });

  it("ends a stream that fails midway with an error event the client raises", async () => {
    const stream = await openai().chat.completions.create({
      model: "vllm",
      messages: [{ role: "user", content: `Hi ${magicPhrase("mid-stream-error")}` }],
      stream: true,
    });
    let text = "";
    const failure = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect(text.length).toBeGreaterThan(0);
    expect(await usageRows()).toHaveLength(1);
  });

  it("stores the request and answer as a conversation only for a key made with save to my history; last use is written at most once a minute", async () => {
    const saving = await createApiKey(ann, { name: "notebook", expiresInDays: null, saveToHistory: true }, where);
    if (!saving.ok) throw new Error(saving.message);
    await openai(saving.key).chat.completions.create({
      model: "azure",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "First question" },
        { role: "assistant", content: "First answer" },
        { role: "user", content: "Second question" },
      ],
    });
    const conversations = await getDb().conversation.findMany({ include: { messages: { orderBy: { createdAt: "asc" } } } });
    expect(conversations).toHaveLength(1);
    expect(conversations[0]?.title).toBe("First question");
    expect(conversations[0]?.messages.map((message) => message.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(conversations[0]?.messages.at(-1)).toMatchObject({ status: "complete", modelId: "azure" });
    const [usage] = await usageRows();
    expect(usage).toMatchObject({ apiKeyId: saving.summary.id, conversationId: conversations[0]?.id, messageId: conversations[0]?.messages.at(-1)?.id });

    const firstUse = (await getDb().apiKey.findUniqueOrThrow({ where: { id: saving.summary.id } })).lastUsedAt;
    expect(firstUse).not.toBeNull();
    await openai(saving.key).models.list();
    expect((await getDb().apiKey.findUniqueOrThrow({ where: { id: saving.summary.id } })).lastUsedAt).toEqual(firstUse);
  });
});
