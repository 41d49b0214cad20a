import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type ModelConfig, modelConfigSchema } from "@/lib/ai/model-config";
import { trimOldestTurns } from "@/lib/ai/providers/chat-model";
import { localTokenizer } from "@/lib/ai/tokens/local-tokenizers";
import { promptTokenCounter } from "@/lib/ai/tokens/prompt-token-counter";
import { defaultTokenizer } from "@/lib/ai/tokens/tokenizer-kind";
import { fakeTokenCount } from "@/tests/fakes/fake-server";
import { FakeOpenAICompatible } from "@/tests/fakes/openai-compatible";
import { FakeTgi } from "@/tests/fakes/tgi";

const llamaCpp = new FakeOpenAICompatible("llama.cpp");
const vllm = new FakeOpenAICompatible("vllm");
const tgi = new FakeTgi();

beforeAll(async () => {
  await Promise.all([llamaCpp.start(), vllm.start(), tgi.start()]);
});
afterAll(async () => {
  await Promise.all([llamaCpp.close(), vllm.close(), tgi.close()]);
});
beforeEach(() => {
  for (const fake of [llamaCpp, vllm, tgi]) fake.reset();
});

const config = (input: Record<string, unknown>): ModelConfig => modelConfigSchema.parse(input);
const user = (content: string) => ({ role: "user" as const, content });

describe("prompt token counting", () => {
  it("defaults per provider", () => {
    expect(defaultTokenizer("azure-openai")).toBe("o200k");
    expect(defaultTokenizer("tgi")).toBe("server");
    expect(defaultTokenizer("openai-compatible")).toBe("server");
    expect(defaultTokenizer("ollama")).toBe("llama2");
    expect(defaultTokenizer("ai21")).toBe("estimate");
  });

  it("counts with Llama 2's vocabulary, plus the template's markers", async () => {
    // Until its vocabulary is loaded (in the background, on first use) the estimate counts instead.
    const first = await promptTokenCounter(config({ provider: "ollama", endpoint: "http://127.0.0.1:9", model: "llama2" }), ["Hello world"]);
    expect(first.kind).toBe("estimate");
    await localTokenizer("llama2");
    const counter = await promptTokenCounter(config({ provider: "ollama", endpoint: "http://127.0.0.1:9", model: "llama2" }), ["Hello world"]);
    expect(counter.kind).toBe("llama2");
    const markers = counter.count(user(""));
    expect(markers).toBeGreaterThan(1);
    // "▁Hello", "▁world"
    expect(counter.count(user("Hello world")) - markers).toBe(2);
    // Loading a vocabulary takes seconds on a busy machine (once per process).
  }, 30_000);

  it("counts with OpenAI's o200k and cl100k encodings", async () => {
    const azure = { provider: "azure-openai", endpoint: "https://x.openai.azure.com", deployment: "d", apiKey: "k" };
    await Promise.all([localTokenizer("o200k"), localTokenizer("cl100k")]);
    const o200k = await promptTokenCounter(config(azure), ["Hello world"]);
    expect(o200k.count(user("Hello world"))).toBe(2 + 4);
    const cl100k = await promptTokenCounter(config({ ...azure, tokenizer: "cl100k" }), ["Hello world"]);
    expect(cl100k.kind).toBe("cl100k");
    expect(cl100k.count(user("Hello world"))).toBe(2 + 4);
  }, 30_000);

  it.each([
    ["llama.cpp", () => llamaCpp, () => `${llamaCpp.url}/v1`],
    ["vLLM", () => vllm, () => `${vllm.url}/v1`],
  ])("asks %s's own /tokenize, once per distinct text", async (_name, fake, endpoint) => {
    const text = "A sentence the server counts for us.";
    const counter = await promptTokenCounter(config({ provider: "openai-compatible", endpoint: endpoint(), model: fake().servedModel }), [text, text]);
    expect(counter.kind).toBe("server");
    expect(counter.count(user(text)) - counter.count(user(""))).toBe(fakeTokenCount(text));
    expect(fake().requests.filter((request) => request.path === "/tokenize" && request.body.includes("counts for us"))).toHaveLength(1);
  });

  it("asks TGI's /tokenize", async () => {
    const text = "Another sentence for TGI.";
    const counter = await promptTokenCounter(config({ provider: "tgi", endpoint: tgi.url }), [text]);
    expect(counter.kind).toBe("server");
    expect(counter.count(user(text)) - counter.count(user(""))).toBe(fakeTokenCount(text));
  });

  it("falls back to the estimate (characters ÷ 3) when the server has no /tokenize, and says so once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const missing = config({ provider: "openai-compatible", endpoint: `${tgi.url}/nowhere/v1` });
    const counter = await promptTokenCounter(missing, ["123456789"]);
    await promptTokenCounter(missing, ["123456789"]);
    expect(counter.kind).toBe("estimate");
    expect(counter.count(user("123456789"))).toBe(3 + 4);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

describe("trimming before the retry of a prompt that was too long", () => {
  const messages = [
    { role: "system" as const, content: "System" },
    user("old question".padEnd(100, ".")),
    { role: "assistant" as const, content: "old answer".padEnd(100, ".") },
    user("newer question".padEnd(100, ".")),
    { role: "assistant" as const, content: "newer answer".padEnd(100, ".") },
    user("newest"),
  ];

  it("drops whole exchanges, oldest first, keeping the system prompt and starting with a question", () => {
    expect(trimOldestTurns(messages, 0.6).map((m) => m.content.slice(0, 6))).toEqual(["System", "newer ", "newer ", "newest"]);
    expect(trimOldestTurns(messages, 0.1).map((m) => m.content.slice(0, 6))).toEqual(["System", "newest"]);
    expect(trimOldestTurns(messages, 1)).toEqual(messages);
  });
});
