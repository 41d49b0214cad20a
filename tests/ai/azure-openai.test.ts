import { generateText } from "ai";
import { beforeEach, describe, expect, it } from "vitest";
import { createLanguageModel } from "@/lib/ai/registry";
import { FakeAzureOpenAI } from "@/tests/fakes/azure-openai";
import { magicPhrase } from "@/tests/fakes/scenarios";
import { useFakeServer } from "../support/fakes";
import { expectLlmError, onlyError } from "./support/expect-llm-error";
import { TEST_TIMEOUTS } from "./support/fast-timeouts";
import { runStream } from "./support/run-stream";

const fake = useFakeServer(new FakeAzureOpenAI());
const TOKENS = fake.reply.match(/\s*\S+/g) ?? [];
const conversation = { system: "You talk like a pirate.", prompt: "How do I care for a parrot?" };

function keyModel(overrides: Record<string, unknown> = {}) {
  return createLanguageModel({
    provider: "azure-openai",
    endpoint: fake.url,
    deployment: "gpt-4o",
    apiVersion: "2024-10-21",
    apiKey: fake.apiKey,
    timeouts: TEST_TIMEOUTS,
    ...overrides,
  } as Parameters<typeof createLanguageModel>[0]);
}

function entraModel(apiVersion: string, token = "fake-entra-token") {
  return createLanguageModel(
    { provider: "azure-openai", endpoint: `${fake.url}/`, deployment: "gpt-4o", apiVersion, auth: "entra", timeouts: TEST_TIMEOUTS },
    { getAzureToken: async () => token },
  );
}

beforeEach(() => fake.reset());

describe("azure-openai streaming", () => {
  it("streams token by token on the dated route with the api-key header, skipping the empty-choices first chunk", async () => {
    const run = await runStream(keyModel(), conversation);

    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual(TOKENS);
    expect(run.text).toBe(fake.reply);
    expect(run.finishReason).toBe("stop");
    const request = fake.lastRequest;
    expect(request?.path).toBe("/openai/deployments/gpt-4o/chat/completions");
    expect(request?.query.get("api-version")).toBe("2024-10-21");
    expect(request?.headers["api-key"]).toBe(fake.apiKey);
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.json).toMatchObject({
      messages: [
        { role: "system", content: conversation.system },
        { role: "user", content: conversation.prompt },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(request?.json).not.toHaveProperty("model");
  });

  it("takes usage from the final usage chunk", async () => {
    const run = await runStream(keyModel(), conversation);

    expect(run.usage?.outputTokens).toBe(TOKENS.length);
    expect(run.usage?.inputTokens).toBeGreaterThan(0);
    expect(run.chat?.usageEstimated).toBe(false);
  });

  it("uses the v1 route with the deployment as model and an Entra bearer token", async () => {
    const run = await runStream(entraModel("v1"), conversation);

    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual(TOKENS);
    const request = fake.lastRequest;
    expect(request?.path).toBe("/openai/v1/chat/completions");
    expect(request?.query.has("api-version")).toBe(false);
    expect(request?.headers.authorization).toBe("Bearer fake-entra-token");
    expect(request?.headers["api-key"]).toBeUndefined();
    expect(request?.json).toMatchObject({ model: "gpt-4o", stream: true, stream_options: { include_usage: true } });
  });

  it("sends an Entra token on the dated route", async () => {
    const run = await runStream(entraModel("2024-10-21"), conversation);

    expect(run.text).toBe(fake.reply);
    expect(fake.lastRequest?.headers.authorization).toBe("Bearer fake-entra-token");
  });

  it("sends the api-key header on the v1 route", async () => {
    const run = await runStream(keyModel({ apiVersion: "v1" }), conversation);

    expect(run.text).toBe(fake.reply);
    expect(fake.lastRequest?.path).toBe("/openai/v1/chat/completions");
    expect(fake.lastRequest?.headers["api-key"]).toBe(fake.apiKey);
  });

  it("survives async-filter annotation chunks without delta, even after the finish chunk", async () => {
    fake.scenario = "async-filter";
    const run = await runStream(keyModel(), conversation);

    expect(run.errors).toEqual([]);
    expect(run.text).toBe(fake.reply);
    expect(run.finishReason).toBe("stop");
  });

  it("does not send stream_options to old api-versions and then estimates usage", async () => {
    const run = await runStream(keyModel({ apiVersion: "2024-06-01" }), conversation);

    expect(run.text).toBe(fake.reply);
    expect(fake.lastRequest?.json).not.toHaveProperty("stream_options");
    expect(run.chat?.usageEstimated).toBe(true);
    expect(run.usage?.outputTokens).toBe(Math.ceil(fake.reply.length / 4));
  });

  it("retries once without stream_options when the api-version rejects it", async () => {
    const model = keyModel({ apiVersion: "2024-06-01", includeUsage: true });
    const run = await runStream(model, conversation);

    expect(run.errors).toEqual([]);
    expect(run.text).toBe(fake.reply);
    expect(fake.requestCount).toBe(2);
    expect(fake.requests[0]?.json).toHaveProperty("stream_options");
    expect(fake.requests[1]?.json).not.toHaveProperty("stream_options");

    await runStream(model, conversation);
    expect(fake.requestCount).toBe(3);
    expect(fake.requests[2]?.json).not.toHaveProperty("stream_options");
  });

  it("works through generateText", async () => {
    const result = await generateText({ model: keyModel(), ...conversation, maxRetries: 0 });

    expect(result.text).toBe(fake.reply);
    expect(result.finishReason).toBe("stop");
    expect(result.usage.outputTokens).toBe(TOKENS.length);
  });
});

describe("azure-openai content filter", () => {
  it("ends a filtered answer as a typed policy block, not an error", async () => {
    const run = await runStream(keyModel(), { prompt: `Quote the whole book ${magicPhrase("content-filter")}` });

    expect(run.errors).toEqual([]);
    expect(run.deltas).toEqual(TOKENS.slice(0, 2));
    expect(run.finishReason).toBe("content-filter");
    expect(run.rawFinishReason).toBe("content_filter");
    expect(run.chat?.policyBlock).toEqual({ stage: "output", categories: ["protected_material_text"] });
  });

  it("maps a prompt refused with HTTP 400 content_filter to the content_filter code", async () => {
    const run = await runStream(keyModel(), { prompt: `Something bad ${magicPhrase("prompt-filter")}` });

    const error = expectLlmError(onlyError(run.errors), "content_filter", { upstream: ["content management policy"] });
    expect(error.status).toBe(400);
    expect(error.adminMessage).toContain("ResponsibleAIPolicyViolation");
    expect(run.text).toBe("");
  });
});

describe("azure-openai errors", () => {
  it("maps a wrong key (401) to auth, and never leaks the key or the upstream body to the user", async () => {
    const run = await runStream(keyModel({ apiKey: "wrong-secret-key-123" }), conversation);

    const error = expectLlmError(onlyError(run.errors), "auth", { secrets: ["wrong-secret-key-123"], upstream: ["Access denied"] });
    expect(error.status).toBe(401);
    expect(error.upstreamCode).toBe("401");
  });

  it("maps a wrong Entra token to auth", async () => {
    const run = await runStream(entraModel("v1", "expired-token"), conversation);

    expectLlmError(onlyError(run.errors), "auth");
  });

  it("maps a failing token getter to auth without calling Azure", async () => {
    const model = createLanguageModel(
      { provider: "azure-openai", endpoint: fake.url, deployment: "gpt-4o", auth: "entra", timeouts: TEST_TIMEOUTS },
      { getAzureToken: async () => Promise.reject(new Error("AADSTS7000215: Invalid client secret")) },
    );
    const run = await runStream(model, conversation);

    expectLlmError(onlyError(run.errors), "auth", { upstream: ["AADSTS7000215"] });
    expect(fake.requestCount).toBe(0);
  });

  it("maps an unknown deployment (404 DeploymentNotFound) to not_found", async () => {
    const run = await runStream(keyModel({ deployment: "gpt-5-missing" }), conversation);

    const error = expectLlmError(onlyError(run.errors), "not_found");
    expect(error.upstreamCode).toBe("DeploymentNotFound");
  });

  it("maps 429 to rate_limited with retry-after-ms", async () => {
    fake.scenario = "rate-limit";
    const run = await runStream(keyModel(), conversation);

    const error = expectLlmError(onlyError(run.errors), "rate_limited");
    expect(error.retryAfterMs).toBe(6000);
    expect(error.userMessage).toContain("6 seconds");
    expect(error.toJSON()).toEqual({ code: "rate_limited", message: error.userMessage, retryAfterMs: 6000 });
  });

  it("maps a 400 context_length_exceeded to context_too_long, after one retry with a trimmed prompt", async () => {
    fake.scenario = "bad-request";
    const run = await runStream(keyModel(), conversation);

    expectLlmError(onlyError(run.errors), "context_too_long", { upstream: ["maximum context length"] });
  });

  it("maps 500 to unavailable", async () => {
    fake.scenario = "server-error";
    const run = await runStream(keyModel(), conversation);

    expectLlmError(onlyError(run.errors), "unavailable", { upstream: ["6d6321f8"] });
  });

  it("maps a mid-stream error event to stream_error after the tokens already sent", async () => {
    fake.scenario = "mid-stream-error";
    const run = await runStream(keyModel(), conversation);

    expect(run.deltas).toEqual(TOKENS.slice(0, 2));
    expectLlmError(onlyError(run.errors), "stream_error");
  });

  it("throws the typed error from generateText", async () => {
    fake.scenario = "rate-limit";
    const failure = await generateText({ model: keyModel(), ...conversation, maxRetries: 0 }).catch((error: unknown) => error);

    expectLlmError(failure, "rate_limited");
  });
});
