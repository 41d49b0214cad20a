import { describe, expect, it } from "vitest";
import { buildModelBody, initialFormValues, slugFromName } from "@/components/admin/models/model-form-values";
import { changedSecretFields, resolveAdminConfig } from "@/lib/models/admin-config";
import type { AdminModel } from "@/lib/models/admin-models";

const azure = { provider: "azure-openai", endpoint: "https://corp.openai.azure.com", deployment: "gpt-4o" };

describe("resolveAdminConfig", () => {
  it("keeps a stored secret when the form leaves it empty, replaces a typed one, and removes a cleared one", () => {
    expect(resolveAdminConfig({ ...azure, apiKey: "" }, { apiKey: "old" }).data).toMatchObject({ apiKey: "old" });
    expect(resolveAdminConfig({ ...azure }, { apiKey: "old" }).data).toMatchObject({ apiKey: "old" });
    expect(resolveAdminConfig({ ...azure, apiKey: "new" }, { apiKey: "old" }).data).toMatchObject({ apiKey: "new" });
    const cleared = resolveAdminConfig({ provider: "ollama", endpoint: "http://x", model: "m", apiKey: "" }, { apiKey: "old" }, ["apiKey"]);
    expect(cleared.success && "apiKey" in cleared.data).toBe(false);
  });

  it("does not carry a kept secret into a connection that cannot hold it", () => {
    const entra = resolveAdminConfig({ ...azure, auth: "entra", apiKey: "" }, { apiKey: "old" });
    expect(entra.success).toBe(true);
    expect(entra.data).not.toHaveProperty("apiKey");
    const ollama = resolveAdminConfig({ provider: "ollama", endpoint: "http://x", model: "m" }, { clientSecret: "s" });
    expect(ollama.data).not.toHaveProperty("clientSecret");
  });

  it("validates with the provider's schema", () => {
    expect(resolveAdminConfig({ ...azure, apiKey: "" }, {}).success).toBe(false);
    expect(resolveAdminConfig({ ...azure, apiKey: 5 }, {}).success).toBe(false);
  });

  it("names the secret fields that changed, never their values", () => {
    expect(changedSecretFields({ apiKey: "a" }, { apiKey: "a" })).toEqual([]);
    expect(changedSecretFields({ apiKey: "a" }, { apiKey: "b", clientSecret: "c" })).toEqual(["apiKey", "clientSecret"]);
    expect(changedSecretFields({ apiKey: "a" }, {})).toEqual(["apiKey"]);
  });
});

describe("model form values", () => {
  const stored: AdminModel = {
    id: "llama",
    name: "Llama",
    provider: "openai-compatible",
    endpoint: "http://vllm/v1",
    connection: { model: "llama-2", includeUsage: true, timeouts: { connectMs: 5_000 } },
    secrets: { apiKey: "set" },
    defaults: { maxOutputTokens: 256, systemPrompt: "Be brief." },
    enabled: true,
    isDefault: false,
    sortOrder: 0,
    managedByFile: false,
    demo: false,
    inputPricePerMTok: 0.5,
    outputPricePerMTok: null,
    accessGroups: [{ id: "g1", name: "Research" }],
  };

  it("round-trips a stored model, keeping the fields the form does not show and an empty secret", () => {
    const built = buildModelBody(initialFormValues(stored), stored);
    expect(built).toEqual({
      ok: true,
      body: {
        name: "Llama",
        config: { provider: "openai-compatible", endpoint: "http://vllm/v1", model: "llama-2", includeUsage: true, timeouts: { connectMs: 5_000 }, apiKey: "" },
        defaults: { maxOutputTokens: 256, systemPrompt: "Be brief." },
        inputPricePerMTok: 0.5,
        outputPricePerMTok: null,
        accessGroupIds: ["g1"],
        enabled: true,
      },
    });
  });

  it("refuses numbers that are not numbers, and a group restriction without groups", () => {
    expect(buildModelBody({ ...initialFormValues(stored), contextWindow: "4k" }, stored)).toEqual({
      ok: false,
      message: "Context window must be a whole number.",
    });
    expect(buildModelBody({ ...initialFormValues(stored), groupIds: [] }, stored)).toMatchObject({ ok: false });
  });

  it("suggests an id from the name", () => {
    expect(slugFromName("Llama 2 (vLLM)")).toBe("llama-2-vllm");
    expect(slugFromName("  GPT-4o · EU ")).toBe("gpt-4o-eu");
  });
});
