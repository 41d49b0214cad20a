import { describe, expect, it } from "vitest";
import { modelConfigSchema } from "@/lib/ai/model-config";
import { createLanguageModel } from "@/lib/ai/registry";

describe("modelConfigSchema", () => {
  it("applies defaults for azure-openai", () => {
    const config = modelConfigSchema.parse({ provider: "azure-openai", endpoint: "https://myres.openai.azure.com", deployment: "gpt-4o", apiKey: "k" });

    expect(config).toMatchObject({ apiVersion: "2024-10-21", auth: "api-key" });
  });

  it("requires apiKey for api-key auth and forbids it for entra", () => {
    const base = { provider: "azure-openai", endpoint: "https://myres.openai.azure.com", deployment: "gpt-4o" };

    expect(modelConfigSchema.safeParse(base).error?.issues[0]?.path).toEqual(["apiKey"]);
    expect(modelConfigSchema.safeParse({ ...base, auth: "entra" }).success).toBe(true);
    expect(modelConfigSchema.safeParse({ ...base, auth: "entra", apiKey: "k" }).success).toBe(false);
  });

  it("accepts v1 and dated api versions only", () => {
    const base = { provider: "azure-openai", endpoint: "https://x.openai.azure.com", deployment: "d", apiKey: "k" };

    expect(modelConfigSchema.safeParse({ ...base, apiVersion: "v1" }).success).toBe(true);
    expect(modelConfigSchema.safeParse({ ...base, apiVersion: "2025-04-01-preview" }).success).toBe(true);
    expect(modelConfigSchema.safeParse({ ...base, apiVersion: "latest" }).success).toBe(false);
  });

  it("defaults the AI21 endpoint and requires its api", () => {
    expect(modelConfigSchema.parse({ provider: "ai21", api: "jamba", model: "jamba-mini" })).toMatchObject({ endpoint: "https://api.ai21.com/studio/v1" });
    expect(modelConfigSchema.safeParse({ provider: "ai21", model: "j2-ultra" }).success).toBe(false);
    expect(modelConfigSchema.safeParse({ provider: "ai21", api: "instruct", model: "j2-ultra" }).success).toBe(false);
  });

  it("rejects unknown providers, unknown fields, bad URLs and bad timeouts", () => {
    expect(modelConfigSchema.safeParse({ provider: "bedrock", endpoint: "https://x" }).success).toBe(false);
    expect(modelConfigSchema.safeParse({ provider: "ollama", endpoint: "http://o:11434", model: "m", deployment: "x" }).success).toBe(false);
    expect(modelConfigSchema.safeParse({ provider: "ollama", endpoint: "not a url", model: "m" }).success).toBe(false);
    expect(modelConfigSchema.safeParse({ provider: "tgi", endpoint: "ftp://tgi", model: "m" }).success).toBe(false);
    expect(modelConfigSchema.safeParse({ provider: "tgi", endpoint: "http://tgi", timeouts: { idleMs: 0 } }).success).toBe(false);
  });
});

describe("createLanguageModel", () => {
  it("builds a v4 language model per provider", () => {
    const cases = [
      {
        config: { provider: "azure-openai", endpoint: "https://r.openai.azure.com", deployment: "gpt-4o", apiKey: "k" },
        provider: "azure-openai",
        modelId: "gpt-4o",
      },
      { config: { provider: "tgi", endpoint: "http://tgi:8080" }, provider: "tgi", modelId: "tgi" },
      { config: { provider: "openai-compatible", endpoint: "http://vllm:8000/v1", model: "llama" }, provider: "openai-compatible", modelId: "llama" },
      { config: { provider: "ollama", endpoint: "http://ollama:11434", model: "llama2" }, provider: "ollama", modelId: "llama2" },
      { config: { provider: "ai21", api: "complete", model: "j2-ultra" }, provider: "ai21", modelId: "j2-ultra" },
      { config: { provider: "ai21", api: "chat", model: "j2-ultra" }, provider: "ai21", modelId: "j2-ultra" },
      { config: { provider: "ai21", api: "jamba", model: "jamba-mini" }, provider: "ai21", modelId: "jamba-mini" },
    ] as const;
    for (const { config, provider, modelId } of cases) {
      const model = createLanguageModel(config);
      expect(model).toMatchObject({ specificationVersion: "v4", provider, modelId });
    }
  });

  it("throws a validation error naming the bad field", () => {
    expect(() => createLanguageModel({ provider: "ollama", endpoint: "http://o:11434" } as never)).toThrow(/model/);
  });
});
