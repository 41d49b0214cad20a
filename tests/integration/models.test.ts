import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ModelConfigInput } from "@/lib/ai/model-config";
import { getDb } from "@/lib/db/client";
import { getChatModel, getDefaultModelId, listModelOptions } from "@/lib/models/chat-models";
import { ModelsFileError, parseModelsDocument } from "@/lib/models/models-file";
import { provisionModelsFromFile, syncModelsFromFile } from "@/lib/models/provision";
import { saveModel } from "@/lib/models/save-model";
import { defaultPolicyByBoundary } from "@/lib/privacy/policy";
import { testProvider, useTestDatabase } from "../support/database";

// Set before useTestDatabase's beforeAll reads (and caches) the environment.
const scratch = mkdtempSync(path.join(os.tmpdir(), "models-test-"));
const modelsFile = path.join(scratch, "models.yaml");
vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));
vi.stubEnv("MODELS_FILE", modelsFile);

const database = useTestDatabase();
beforeEach(() => database.reset());
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(scratch, { recursive: true, force: true });
});

const user = { id: "u1", role: "user" as const };
const API_KEY = "sk-azure-0123456789-secret";
const CLIENT_SECRET = "entra-client-secret-987654321";

const azureKey: ModelConfigInput = { provider: "azure-openai", endpoint: "https://corp.openai.azure.com", deployment: "gpt-4o", apiKey: API_KEY };
const azureEntra: ModelConfigInput = {
  provider: "azure-openai",
  endpoint: "https://corp.openai.azure.com",
  deployment: "gpt-4o-mini",
  auth: "entra",
  tenantId: "tenant",
  clientId: "client",
  clientSecret: CLIENT_SECRET,
};
const ollama: ModelConfigInput = { provider: "ollama", endpoint: "http://ollama:11434", model: "llama2" };
const ai21 = (api: "complete" | "chat" | "jamba"): ModelConfigInput => ({ provider: "ai21", api, model: `m-${api}`, apiKey: "ai21-key" });

const fileEntries = (entries: unknown[]) => parseModelsDocument("models.yaml", entries, {});

describe(`model store on ${testProvider()}`, () => {
  it("saves and reads back a model with its secrets decrypted and its defaults", async () => {
    const defaults = { temperature: 0.2, maxOutputTokens: 1024, contextWindow: 128_000, systemPrompt: "Answer in English." };
    await saveModel({ id: "gpt-4o", name: "GPT-4o", config: azureKey, defaults });
    await saveModel({ id: "gpt-4o-mini", name: "GPT-4o mini", config: azureEntra });

    expect(await getChatModel(user, "gpt-4o")).toEqual({
      id: "gpt-4o",
      name: "GPT-4o",
      provider: "azure-openai",
      config: { ...azureKey, apiVersion: "2024-10-21", auth: "api-key" },
      defaults,
      streaming: true,
      prices: { inputPricePerMTok: null, outputPricePerMTok: null },
    });
    expect(await getChatModel(user, "gpt-4o-mini")).toMatchObject({ config: { auth: "entra", clientSecret: CLIENT_SECRET }, defaults: {} });
  });

  it("stores secrets only encrypted: no column of the row holds the API key or the client secret", async () => {
    await saveModel({ id: "gpt-4o", name: "GPT-4o", config: azureKey });
    await saveModel({ id: "gpt-4o-mini", name: "GPT-4o mini", config: azureEntra });
    for (const id of ["gpt-4o", "gpt-4o-mini"]) {
      const row = await getDb().model.findUniqueOrThrow({ where: { id } });
      const raw = JSON.stringify(row);
      expect(raw).not.toContain(API_KEY);
      expect(raw).not.toContain(CLIENT_SECRET);
      expect(row.encryptedSecrets).toMatch(/^v1\./);
      expect(row).toMatchObject({ provider: "azure-openai", endpoint: "https://corp.openai.azure.com" });
    }
    await saveModel({ id: "llama2", name: "Llama 2", config: ollama });
    expect((await getDb().model.findUniqueOrThrow({ where: { id: "llama2" } })).encryptedSecrets).toBeNull();
  });

  it("refuses secrets copied onto another model's row", async () => {
    await saveModel({ id: "a", name: "A", config: azureKey });
    await saveModel({ id: "b", name: "B", config: { ...azureKey, apiKey: "other-key" } });
    const { encryptedSecrets } = await getDb().model.findUniqueOrThrow({ where: { id: "a" } });
    await getDb().model.update({ where: { id: "b" }, data: { encryptedSecrets } });
    await expect(getChatModel(user, "b")).rejects.toThrow(/stored secrets of model "b" cannot be read/);
  });

  it("validates before writing anything", async () => {
    await expect(saveModel({ id: "gpt-4o", name: "GPT-4o", config: { ...azureKey, apiKey: undefined } })).rejects.toThrow(/apiKey/);
    await expect(saveModel({ id: "GPT 4o", name: "GPT-4o", config: azureKey })).rejects.toThrow(/slug/);
    await expect(saveModel({ id: "gpt-4o", name: "GPT-4o", config: azureKey, defaults: { temperature: 5 } })).rejects.toThrow();
    expect(await getDb().model.count()).toBe(0);
  });

  it("replaces config, defaults and secrets on save, and keeps flags that are left out", async () => {
    await saveModel({ id: "m", name: "M", config: azureKey, defaults: { temperature: 1 }, sortOrder: 5, enabled: false, demo: true });
    await saveModel({ id: "m", name: "M2", config: { ...azureEntra, clientSecret: undefined } });
    const row = await getDb().model.findUniqueOrThrow({ where: { id: "m" } });
    expect(row).toMatchObject({ name: "M2", sortOrder: 5, enabled: false, encryptedSecrets: null });
    await saveModel({ id: "m", name: "M2", config: ollama, enabled: true });
    expect(await getChatModel(user, "m")).toMatchObject({ provider: "ollama", config: ollama, defaults: {} });
    expect((await listModelOptions(user))[0]?.demo).toBe(false);
  });

  it("returns null for an unknown or disabled model", async () => {
    await saveModel({ id: "off", name: "Off", config: ollama, enabled: false });
    expect(await getChatModel(user, "nope")).toBeNull();
    expect(await getChatModel(user, "off")).toBeNull();
  });

  it("marks AI21 J2 (complete and chat) as not streaming", async () => {
    for (const api of ["complete", "chat", "jamba"] as const) await saveModel({ id: `ai21-${api}`, name: `AI21 ${api}`, config: ai21(api) });
    expect((await getChatModel(user, "ai21-complete"))?.streaming).toBe(false);
    expect((await getChatModel(user, "ai21-chat"))?.streaming).toBe(false);
    expect((await getChatModel(user, "ai21-jamba"))?.streaming).toBe(true);
    expect((await listModelOptions(user)).map(({ id, streaming }) => ({ id, streaming }))).toEqual([
      { id: "ai21-chat", streaming: false },
      { id: "ai21-complete", streaming: false },
      { id: "ai21-jamba", streaming: true },
    ]);
  });
});

describe(`listModelOptions on ${testProvider()}`, () => {
  it("lists enabled models by sort order, then name, with only browser-safe fields", async () => {
    await saveModel({ id: "zeta", name: "zeta", config: ollama, sortOrder: 1 });
    await saveModel({ id: "alpha", name: "Alpha", config: azureKey, sortOrder: 1, defaults: { systemPrompt: "secret prompt" } });
    await saveModel({ id: "beta", name: "beta", config: ollama, sortOrder: 1, demo: true });
    await saveModel({ id: "first", name: "Zz first", config: ollama, sortOrder: 0, isDefault: true });
    await saveModel({ id: "off", name: "Off", config: ollama, enabled: false });

    const options = await listModelOptions({ id: "u2", role: "admin" });
    // Where each model runs and the privacy policy it gets, for the picker and the composer's hints.
    const internal = { boundary: "internal", privacyPolicy: defaultPolicyByBoundary.internal };
    const external = { boundary: "external", privacyPolicy: defaultPolicyByBoundary.external };
    expect(options).toEqual([
      { id: "first", name: "Zz first", provider: "ollama", isDefault: true, streaming: true, demo: false, ...internal },
      { id: "alpha", name: "Alpha", provider: "azure-openai", isDefault: false, streaming: true, demo: false, ...external },
      { id: "beta", name: "beta", provider: "ollama", isDefault: false, streaming: true, demo: true, ...internal },
      { id: "zeta", name: "zeta", provider: "ollama", isDefault: false, streaming: true, demo: false, ...internal },
    ]);
    const raw = JSON.stringify(options);
    for (const leak of [API_KEY, "secret prompt", "corp.openai.azure.com", "endpoint", "config"]) expect(raw).not.toContain(leak);
  });
});

describe(`default model on ${testProvider()}`, () => {
  it("keeps one default: setting it clears the flag on the others", async () => {
    await saveModel({ id: "a", name: "A", config: ollama, isDefault: true });
    await saveModel({ id: "b", name: "B", config: ollama, isDefault: true });
    expect((await getDb().model.findMany({ where: { isDefault: true } })).map((row) => row.id)).toEqual(["b"]);
    // Saving another model without the flag leaves the default alone.
    await saveModel({ id: "a", name: "A again", config: ollama });
    expect(await getDefaultModelId(user)).toBe("b");
  });

  it("falls back to the first enabled model in order, then to null", async () => {
    expect(await getDefaultModelId(user)).toBeNull();
    await saveModel({ id: "late", name: "Late", config: ollama, sortOrder: 2 });
    await saveModel({ id: "early", name: "Early", config: ollama, sortOrder: 1 });
    await saveModel({ id: "chosen", name: "Chosen", config: ollama, sortOrder: 3, isDefault: true, enabled: false });
    expect(await getDefaultModelId(user)).toBe("early");
    await saveModel({ id: "chosen", name: "Chosen", config: ollama, enabled: true });
    expect(await getDefaultModelId(user)).toBe("chosen");
    await getDb().model.updateMany({ data: { enabled: false } });
    expect(await getDefaultModelId(user)).toBeNull();
  });
});

describe(`syncModelsFromFile on ${testProvider()}`, () => {
  const llama = { id: "llama2", name: "Llama 2", provider: "ollama", endpoint: "http://ollama:11434", model: "llama2" };
  const gpt = { id: "gpt-4o", name: "GPT-4o", provider: "azure-openai", endpoint: "https://corp.openai.azure.com", deployment: "gpt-4o", apiKey: API_KEY };

  it("creates file models in file order, marked as file-managed", async () => {
    const result = await syncModelsFromFile(fileEntries([llama, { ...gpt, default: true, defaults: { temperature: 0.5 } }]));
    expect(result).toEqual({ created: ["llama2", "gpt-4o"], updated: [], disabled: [] });
    const rows = await getDb().model.findMany({ orderBy: { sortOrder: "asc" } });
    expect(rows.map(({ id, sortOrder, managedByFile, isDefault }) => ({ id, sortOrder, managedByFile, isDefault }))).toEqual([
      { id: "llama2", sortOrder: 0, managedByFile: true, isDefault: false },
      { id: "gpt-4o", sortOrder: 1, managedByFile: true, isDefault: true },
    ]);
    expect(JSON.stringify(rows)).not.toContain(API_KEY);
    expect(await getChatModel(user, "gpt-4o")).toMatchObject({ config: { apiKey: API_KEY }, defaults: { temperature: 0.5 } });
  });

  it("updates changed entries and disables (never deletes) file models that left the file", async () => {
    await syncModelsFromFile(fileEntries([llama, gpt]));
    await saveModel({ id: "admin-made", name: "Admin made", config: ollama });
    const result = await syncModelsFromFile(fileEntries([{ ...gpt, name: "GPT-4o (EU)", apiKey: "rotated-key" }]));
    expect(result).toEqual({ created: [], updated: ["gpt-4o"], disabled: ["llama2"] });
    expect(await getChatModel(user, "gpt-4o")).toMatchObject({ name: "GPT-4o (EU)", config: { apiKey: "rotated-key" } });
    expect(await getDb().model.findUniqueOrThrow({ where: { id: "llama2" } })).toMatchObject({ enabled: false, managedByFile: true });
    // Models made in the database are not the file's to disable.
    expect(await getDb().model.findUniqueOrThrow({ where: { id: "admin-made" } })).toMatchObject({ enabled: true, managedByFile: false });
    // Both sort at 0 now, so by name.
    expect((await listModelOptions(user)).map((option) => option.id)).toEqual(["admin-made", "gpt-4o"]);

    // Already disabled: not reported again. Back in the file: enabled again.
    expect((await syncModelsFromFile(fileEntries([gpt]))).disabled).toEqual([]);
    expect(await syncModelsFromFile(fileEntries([gpt, llama]))).toEqual({ created: [], updated: ["gpt-4o", "llama2"], disabled: [] });
    expect((await getDb().model.findUniqueOrThrow({ where: { id: "llama2" } })).enabled).toBe(true);
  });

  it("takes over a database model with the same id as a file entry", async () => {
    await saveModel({ id: "gpt-4o", name: "Made by an admin", config: ollama, isDefault: true });
    await saveModel({ id: "other", name: "Other", config: ollama });
    expect(await syncModelsFromFile(fileEntries([{ ...gpt, default: true }]))).toEqual({ created: [], updated: ["gpt-4o"], disabled: [] });
    expect(await getDb().model.findUniqueOrThrow({ where: { id: "gpt-4o" } })).toMatchObject({
      name: "GPT-4o",
      provider: "azure-openai",
      managedByFile: true,
      isDefault: true,
    });
    // Once the file owns it, leaving the file disables it.
    expect((await syncModelsFromFile(fileEntries([]))).disabled).toEqual(["gpt-4o"]);
    expect(await getDefaultModelId(user)).toBe("other");
  });

  it("moves the default to the file's default entry", async () => {
    await saveModel({ id: "admin-default", name: "Admin default", config: ollama, isDefault: true });
    await syncModelsFromFile(fileEntries([{ ...llama, default: true }]));
    expect(await getDefaultModelId(user)).toBe("llama2");
    expect((await getDb().model.findUniqueOrThrow({ where: { id: "admin-default" } })).isDefault).toBe(false);
  });
});

describe(`provisionModelsFromFile on ${testProvider()}`, () => {
  it("loads MODELS_FILE, with ${VAR} from the environment, and sums up in one line", async () => {
    vi.stubEnv("TEST_OLLAMA_HOST", "ollama.internal");
    writeFileSync(
      modelsFile,
      "models:\n  - id: llama2\n    name: Llama 2\n    provider: ollama\n    endpoint: http://${TEST_OLLAMA_HOST}:11434\n    model: llama2\n",
    );
    const summary = await provisionModelsFromFile();
    expect(summary).toBe(`[models] 1 from ${modelsFile}: created llama2`);
    expect(summary).not.toContain("\n");
    expect((await getChatModel(user, "llama2"))?.config).toMatchObject({ endpoint: "http://ollama.internal:11434" });
  });

  it("throws ModelsFileError for a bad file and changes nothing", async () => {
    writeFileSync(modelsFile, "- id: llama2\n  name: Llama 2\n  provider: ollama\n  endpoint: http://ollama:11434\n");
    await expect(provisionModelsFromFile()).rejects.toThrow(ModelsFileError);
    await expect(provisionModelsFromFile()).rejects.toThrow(`MODELS_FILE ${modelsFile}: entry 1 (id "llama2"), field "model": Required`);
    expect(await getDb().model.count()).toBe(0);
  });
});
