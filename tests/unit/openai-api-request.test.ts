import { describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, looksLikeApiKey } from "@/lib/api-keys/key-material";
import { chatCompletionRequestSchema, paramOf, textTurns, unsupportedFeature } from "@/lib/openai-api/request-schema";

const parse = (body: unknown) => chatCompletionRequestSchema.parse(body);

describe("personal API key material", () => {
  it("makes 256-bit keys with a recognisable prefix, stored as SHA-256", () => {
    const first = generateApiKey();
    const second = generateApiKey();
    expect(first.key).not.toBe(second.key);
    expect(looksLikeApiKey(first.key)).toBe(true);
    expect(first.prefix).toBe(first.key.slice(0, 14));
    expect(first.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(first.key)).toBe(first.keyHash);
    expect(looksLikeApiKey(`${first.key}x`)).toBe(false);
    expect(looksLikeApiKey("sk-other-key")).toBe(false);
  });
});

describe("chat completion requests", () => {
  it("names parameters as OpenAI does", () => {
    expect(paramOf(["messages", 0, "content"])).toBe("messages[0].content");
    expect(paramOf(["temperature"])).toBe("temperature");
  });

  it("turns system, developer, user and assistant messages with string or text-part content into text turns", () => {
    const request = parse({
      model: "m",
      messages: [
        { role: "developer", content: "Rules" },
        {
          role: "user",
          content: [
            { type: "text", text: "Hel" },
            { type: "text", text: "lo" },
          ],
        },
        { role: "assistant", content: null },
        { role: "user", content: "Again" },
      ],
    });
    expect(textTurns(request)).toEqual({
      turns: [
        { role: "system", text: "Rules" },
        { role: "user", text: "Hello" },
        { role: "assistant", text: "" },
        { role: "user", text: "Again" },
      ],
    });
  });

  it("refuses images, audio, tool messages, and a conversation without a user message, naming where", () => {
    const image = parse({
      model: "m",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "x" },
            { type: "image_url", image_url: { url: "u" } },
          ],
        },
      ],
    });
    expect(textTurns(image)).toMatchObject({ refusal: { param: "messages[0].content[1]" } });
    const tool = parse({ model: "m", messages: [{ role: "tool", content: "x" }] });
    expect(textTurns(tool)).toMatchObject({ refusal: { param: "messages[0].role" } });
    const systemOnly = parse({ model: "m", messages: [{ role: "system", content: "x" }] });
    expect(textTurns(systemOnly)).toMatchObject({ refusal: { param: "messages" } });
  });

  it("refuses n other than 1, tools and audio output; accepts n=1 and an empty tools list", () => {
    const base = { model: "m", messages: [{ role: "user", content: "x" }] };
    expect(unsupportedFeature(parse({ ...base, n: 2 }))?.param).toBe("n");
    expect(unsupportedFeature(parse({ ...base, tools: [{ type: "function" }] }))?.param).toBe("tools");
    expect(unsupportedFeature(parse({ ...base, modalities: ["text", "audio"] }))?.param).toBe("modalities");
    expect(unsupportedFeature(parse({ ...base, n: 1, tools: [], seed: 3, presence_penalty: 0 }))).toBeNull();
  });
});
