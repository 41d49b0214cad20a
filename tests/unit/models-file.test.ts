import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadModelsFile, ModelsFileError } from "@/lib/models/models-file";

const dir = mkdtempSync(path.join(os.tmpdir(), "models-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function writeModelsFile(extension: string, content: string): string {
  const file = path.join(dir, `models-${++fileCount}.${extension}`);
  writeFileSync(file, content);
  return file;
}
const yamlFile = (content: string) => writeModelsFile("yaml", content);
const jsonFile = (value: unknown) => writeModelsFile("json", JSON.stringify(value));

const azure = { id: "gpt-4o", name: "GPT-4o", provider: "azure-openai", endpoint: "https://corp.openai.azure.com", deployment: "gpt-4o", apiKey: "k" };
const ollama = { id: "llama2", name: "Llama 2", provider: "ollama", endpoint: "http://ollama:11434", model: "llama2" };

/** The problems of a file that must not load. */
async function problemsOf(file: string, env: Record<string, string> = {}): Promise<string[]> {
  const error = await loadModelsFile(file, env).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ModelsFileError);
  expect((error as ModelsFileError).file).toBe(file);
  expect((error as ModelsFileError).message).toBe((error as ModelsFileError).problems.join("\n"));
  return (error as ModelsFileError).problems;
}

describe("loadModelsFile: formats", () => {
  it("reads YAML with a models list, applying every default", async () => {
    const file = yamlFile(`
# comment
models:
  - id: gpt-4o
    name: GPT-4o
    provider: azure-openai
    endpoint: https://corp.openai.azure.com
    deployment: gpt-4o
    apiKey: k
    default: true
    defaults: { temperature: 0.3, maxOutputTokens: 2048, contextWindow: 128000, systemPrompt: "Be brief." }
  - id: j2-ultra
    name: Jurassic-2 Ultra
    provider: ai21
    api: complete
    model: j2-ultra
    apiKey: a
    enabled: false
  - id: demo.echo_1
    name: Demo
    provider: openai-compatible
    endpoint: http://127.0.0.1:4010/v1
    demo: true
`);
    expect(await loadModelsFile(file, {})).toEqual([
      {
        id: "gpt-4o",
        name: "GPT-4o",
        config: {
          provider: "azure-openai",
          endpoint: "https://corp.openai.azure.com",
          deployment: "gpt-4o",
          apiKey: "k",
          apiVersion: "2024-10-21",
          auth: "api-key",
        },
        defaults: { temperature: 0.3, maxOutputTokens: 2048, contextWindow: 128000, systemPrompt: "Be brief." },
        enabled: true,
        isDefault: true,
        demo: false,
      },
      {
        id: "j2-ultra",
        name: "Jurassic-2 Ultra",
        config: { provider: "ai21", endpoint: "https://api.ai21.com/studio/v1", api: "complete", model: "j2-ultra", apiKey: "a" },
        defaults: {},
        enabled: false,
        isDefault: false,
        demo: false,
      },
      {
        id: "demo.echo_1",
        name: "Demo",
        config: { provider: "openai-compatible", endpoint: "http://127.0.0.1:4010/v1" },
        defaults: {},
        enabled: true,
        isDefault: false,
        demo: true,
      },
    ]);
  });

  it("reads a bare list, as JSON and as .yml", async () => {
    const fromJson = await loadModelsFile(jsonFile([azure, ollama]), {});
    expect(fromJson.map((entry) => entry.id)).toEqual(["gpt-4o", "llama2"]);
    const fromYml = await loadModelsFile(writeModelsFile("yml", "- id: llama2\n  name: Llama 2\n  provider: tgi\n  endpoint: http://tgi:8080\n"), {});
    expect(fromYml[0]?.config).toEqual({ provider: "tgi", endpoint: "http://tgi:8080", model: "tgi", promptFormat: "llama2" });
  });

  it("lets YAML entries share settings through an anchor and a merge key", async () => {
    const shared = yamlFile(`
- &azure { id: gpt-4o, name: GPT-4o, provider: azure-openai, endpoint: https://corp.openai.azure.com, apiKey: k, deployment: gpt-4o }
- { <<: *azure, id: gpt-4o-mini, name: GPT-4o mini, deployment: gpt-4o-mini }
`);
    const entries = await loadModelsFile(shared, {});
    expect(entries.map((entry) => [entry.id, entry.config.endpoint, "deployment" in entry.config && entry.config.deployment])).toEqual([
      ["gpt-4o", "https://corp.openai.azure.com", "gpt-4o"],
      ["gpt-4o-mini", "https://corp.openai.azure.com", "gpt-4o-mini"],
    ]);
  });

  it("accepts an empty models list", async () => {
    expect(await loadModelsFile(yamlFile("models: []\n"), {})).toEqual([]);
  });
});

describe("loadModelsFile: ${VAR} expansion", () => {
  it("expands variables anywhere in string values, from the environment it is given", async () => {
    const file = yamlFile(`
- id: gpt-4o
  name: GPT-4o (\${REGION})
  provider: azure-openai
  endpoint: https://\${AZURE_RESOURCE}.openai.azure.com
  deployment: gpt-4o
  apiKey: \${AZURE_OPENAI_KEY}
  defaults:
    systemPrompt: "Costs are in \${CURRENCY}; write $\${CURRENCY} to mean the variable."
`);
    const [entry] = await loadModelsFile(file, { REGION: "EU", AZURE_RESOURCE: "corp-eu", AZURE_OPENAI_KEY: "sk-123", CURRENCY: "EUR" });
    expect(entry).toMatchObject({
      name: "GPT-4o (EU)",
      config: { endpoint: "https://corp-eu.openai.azure.com", apiKey: "sk-123" },
      defaults: { systemPrompt: "Costs are in EUR; write ${CURRENCY} to mean the variable." },
    });
  });

  it("keeps $${VAR} as the literal ${VAR}, even when VAR is unset", async () => {
    const [entry] = await loadModelsFile(jsonFile([{ ...ollama, defaults: { systemPrompt: "Use $${NAME} placeholders." } }]), {});
    expect(entry?.defaults.systemPrompt).toBe("Use ${NAME} placeholders.");
  });

  it("names the entry, the field and the variable when a variable is unset or empty", async () => {
    const file = jsonFile([ollama, { ...azure, apiKey: "${AZURE_OPENAI_KEY}", defaults: { systemPrompt: "${PROMPT}" } }]);
    expect(await problemsOf(file, { PROMPT: "" })).toEqual([
      `MODELS_FILE ${file}: entry 2 (id "gpt-4o"), field "apiKey": environment variable AZURE_OPENAI_KEY is not set`,
      `MODELS_FILE ${file}: entry 2 (id "gpt-4o"), field "defaults.systemPrompt": environment variable PROMPT is not set`,
    ]);
  });

  it("refuses a reference that is not a variable name", async () => {
    const file = jsonFile([{ ...azure, apiKey: "${AZURE KEY}" }]);
    expect(await problemsOf(file)).toEqual([expect.stringContaining(`entry 1 (id "gpt-4o"), field "apiKey": "\${AZURE KEY}" is not a variable reference`)]);
  });
});

describe("loadModelsFile: errors", () => {
  it("names the file, the entry and the field of a missing provider field", async () => {
    const { deployment: _deployment, ...withoutDeployment } = azure;
    const file = jsonFile([ollama, withoutDeployment]);
    expect(await problemsOf(file)).toEqual([`MODELS_FILE ${file}: entry 2 (id "gpt-4o"), field "deployment": Required`]);
  });

  it("reports every problem at once, with nested field paths", async () => {
    const file = yamlFile(`
- id: Bad Id
  name: ""
  provider: tgi
  endpoint: ftp://tgi
  timeouts: { idleMs: 0 }
  defaults: { temperature: 3, contextWindow: 0, topK: 5 }
- id: ok
  name: Ok
  provider: ollama
  endpoint: http://ollama:11434
  model: llama2
  deploymnet: typo
`);
    const problems = await problemsOf(file);
    const where = (entry: string, field: string) => `MODELS_FILE ${file}: entry ${entry}, field "${field}": `;
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^${escape(where('1 (id "Bad Id")', "id"))}must be a slug`)),
      where('1 (id "Bad Id")', "name") + "must not be empty",
      expect.stringContaining(where('1 (id "Bad Id")', "defaults.temperature")),
      expect.stringContaining(where('1 (id "Bad Id")', "defaults.contextWindow")),
      where('1 (id "Bad Id")', "defaults.topK") + "unknown field",
      expect.stringContaining(where('1 (id "Bad Id")', "endpoint")),
      expect.stringContaining(where('1 (id "Bad Id")', "timeouts.idleMs")),
      where('2 (id "ok")', "deploymnet") + "unknown field",
    ]);
  });

  it("names a missing or unknown provider, and an entry that is not an object", async () => {
    const { provider: _provider, ...withoutProvider } = ollama;
    const file = jsonFile([withoutProvider, { ...ollama, id: "b", provider: "bedrock" }, "gpt-4o"]);
    expect(await problemsOf(file)).toEqual([
      `MODELS_FILE ${file}: entry 1 (id "llama2"), field "provider": Required`,
      `MODELS_FILE ${file}: entry 2 (id "b"), field "provider": must be one of "azure-openai", "tgi", "openai-compatible", "ollama", "ai21"`,
      `MODELS_FILE ${file}: entry 3: must be an object with id, name, provider and the provider's fields`,
    ]);
  });

  it("refuses a missing id and an over-long id", async () => {
    const { id: _id, ...withoutId } = ollama;
    const file = jsonFile([withoutId, { ...ollama, id: "x".repeat(65) }]);
    expect(await problemsOf(file)).toEqual([
      `MODELS_FILE ${file}: entry 1, field "id": Required`,
      expect.stringMatching(/entry 2 \(id "x{65}"\), field "id": must be at most 64 characters$/),
    ]);
  });

  it("refuses duplicate ids", async () => {
    const file = jsonFile([ollama, azure, { ...ollama, name: "Again" }]);
    expect(await problemsOf(file)).toEqual([`MODELS_FILE ${file}: entry 3 (id "llama2"), field "id": duplicates entry 1: every id must be unique`]);
  });

  it("allows at most one default, and not a disabled one", async () => {
    const file = jsonFile([
      { ...ollama, default: true },
      { ...azure, default: true },
      { ...ollama, id: "off", default: true, enabled: false },
    ]);
    expect(await problemsOf(file)).toEqual([
      `MODELS_FILE ${file}: entry 2 (id "gpt-4o"), field "default": entry 1 (id "llama2") is already the default: at most one entry may be`,
      `MODELS_FILE ${file}: entry 3 (id "off"), field "default": a disabled model cannot be the default`,
      `MODELS_FILE ${file}: entry 3 (id "off"), field "default": entry 1 (id "llama2") is already the default: at most one entry may be`,
    ]);
  });

  it("refuses a document that is neither a list nor { models: [...] }", async () => {
    for (const content of ["", "gpt-4o\n", "models: {}\n", "models: []\nextra: 1\n", "llama2: { provider: ollama }\n"]) {
      const file = yamlFile(content);
      expect(await problemsOf(file)).toEqual([`MODELS_FILE ${file}: must be a list of models, or an object with only a \`models\` list`]);
    }
  });

  it("names YAML and JSON syntax errors", async () => {
    const badYaml = yamlFile("models:\n  - id: a\n    name: [unclosed\n");
    expect(await problemsOf(badYaml)).toEqual([expect.stringMatching(new RegExp(`^MODELS_FILE ${escape(badYaml)}: is not valid YAML: .*line \\d+`))]);
    const badJson = writeModelsFile("json", '{ "models": [ } ');
    expect(await problemsOf(badJson)).toEqual([expect.stringMatching(new RegExp(`^MODELS_FILE ${escape(badJson)}: is not valid JSON: `))]);
  });

  it("refuses duplicate YAML keys rather than keeping the last one", async () => {
    const file = yamlFile("- id: a\n  id: b\n  name: A\n  provider: ollama\n  endpoint: http://o:11434\n  model: m\n");
    expect(await problemsOf(file)).toEqual([expect.stringContaining("is not valid YAML")]);
  });

  it("names a missing file and an unsupported extension", async () => {
    const missing = path.join(dir, "missing.yaml");
    expect(await problemsOf(missing)).toEqual([expect.stringMatching(new RegExp(`^MODELS_FILE ${escape(missing)}: cannot read it: ENOENT`))]);
    const toml = writeModelsFile("toml", "");
    expect(await problemsOf(toml)).toEqual([`MODELS_FILE ${toml}: must be a .yaml, .yml or .json file`]);
  });
});

describe("examples/models.example.yaml", () => {
  it("loads, with one entry per kind of backend", async () => {
    const example = fileURLToPath(new URL("../../examples/models.example.yaml", import.meta.url));
    const variables = [
      "AZURE_OPENAI_RESOURCE",
      "AZURE_OPENAI_API_KEY",
      "AZURE_TENANT_ID",
      "AZURE_CLIENT_ID",
      "AZURE_CLIENT_SECRET",
      "TGI_API_KEY",
      "VLLM_API_KEY",
      "AI21_API_KEY",
    ];
    const entries = await loadModelsFile(example, Object.fromEntries(variables.map((name) => [name, `value-of-${name.toLowerCase()}`])));
    expect(entries.map(({ config }) => [config.provider, "auth" in config ? config.auth : "api" in config ? config.api : null])).toEqual([
      ["azure-openai", "api-key"],
      ["azure-openai", "entra"],
      ["tgi", null],
      ["openai-compatible", null],
      ["ollama", null],
      ["ai21", "complete"],
      ["ai21", "chat"],
      ["ai21", "jamba"],
    ]);
    expect(entries.filter((entry) => entry.isDefault).map((entry) => entry.id)).toEqual(["gpt-4o"]);
    expect(entries[0]?.config).toMatchObject({ endpoint: "https://value-of-azure_openai_resource.openai.azure.com", apiKey: "value-of-azure_openai_api_key" });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
