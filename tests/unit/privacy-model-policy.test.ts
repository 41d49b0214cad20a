import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadModelsFile, ModelsFileError } from "@/lib/models/models-file";
import { boundaryOfModel, policyForModel } from "@/lib/privacy/model-policy";

const dir = mkdtempSync(path.join(os.tmpdir(), "privacy-models-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function modelsFile(models: unknown[]): string {
  const file = path.join(dir, `models-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(models));
  return file;
}

const azure = { id: "gpt-4o", name: "GPT-4o", provider: "azure-openai", endpoint: "https://corp.openai.azure.com", deployment: "gpt-4o", apiKey: "k" };
const ollama = { id: "llama2", name: "Llama 2", provider: "ollama", endpoint: "http://ollama:11434", model: "llama2" };

describe("a model's boundary and privacy policy", () => {
  it("defaults by provider, and MODELS_FILE may set both", async () => {
    const entries = await loadModelsFile(
      modelsFile([azure, ollama, { ...azure, id: "gpt-4o-eu", boundary: "internal" }, { ...ollama, id: "strict", privacy: { byType: { iban: "block" } } }]),
      {},
    );
    const [cloud, onPrem, treatedInternal, strict] = entries.map((entry) => entry.config);
    if (!cloud || !onPrem || !treatedInternal || !strict) throw new Error("expected four entries");
    expect([cloud, onPrem, treatedInternal, strict].map(boundaryOfModel)).toEqual(["external", "internal", "internal", "internal"]);
    expect(policyForModel(cloud).byCategory).toEqual({ secret: "redact", personal: "warn", confidential: "redact" });
    expect(policyForModel(treatedInternal).byCategory).toEqual({ secret: "allow", personal: "allow", confidential: "allow" });
    expect(policyForModel(strict).byType).toEqual({ iban: "block" });
  });

  it("applies an admin's boundary defaults under the model's own override", () => {
    const policy = policyForModel(
      { provider: "ai21", privacy: { byCategory: { secret: "block" } } },
      { external: { byCategory: { personal: "redact", secret: "warn" } } },
    );
    expect(policy.byCategory).toEqual({ secret: "block", personal: "redact", confidential: "redact" });
  });

  it("MODELS_FILE refuses an unknown boundary or action, naming the field", async () => {
    const error = await loadModelsFile(
      modelsFile([
        { ...azure, boundary: "dmz" },
        { ...ollama, privacy: { byCategory: { personal: "ignore" } } },
      ]),
      {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelsFileError);
    const problems = (error as ModelsFileError).problems.join("\n");
    expect(problems).toContain('field "boundary"');
    expect(problems).toContain('field "privacy.byCategory.personal"');
  });
});
