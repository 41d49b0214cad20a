import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { type AllFakes, FakeAi21, FakeAzureOpenAI, FakeOpenAICompatible } from "../../fakes";

// The demo models: one MODELS_FILE entry per fake backend of tests/fakes, for `npm run demo` and the e2e run. Every
// name says "Demo" and every entry has `demo: true`, so nobody mistakes a canned answer for a real model.

/** Where each fake listens. */
export type FakeBackendUrls = Record<"azure" | "tgi" | "vllm" | "llamaCpp" | "ollama" | "ai21", string>;

/** The fakes' URLs when startAllFakes is given `basePort`: consecutive ports, in its start order. */
export function fakeBackendUrls(basePort: number, host = "127.0.0.1"): FakeBackendUrls {
  const url = (offset: number) => `http://${host}:${basePort + offset}`;
  return { azure: url(0), tgi: url(1), vllm: url(2), llamaCpp: url(3), ollama: url(4), ai21: url(5) };
}

export function runningFakeUrls(fakes: AllFakes): FakeBackendUrls {
  return { azure: fakes.azure.url, tgi: fakes.tgi.url, vllm: fakes.vllm.url, llamaCpp: fakes.llamaCpp.url, ollama: fakes.ollama.url, ai21: fakes.ai21.url };
}

export const DEMO_MODELS = {
  azure: { id: "demo-gpt-4o", name: "Demo · GPT-4o (Azure OpenAI)" },
  tgi: { id: "demo-llama-2-7b-tgi", name: "Demo · Llama 2 7B (TGI)" },
  vllm: { id: "demo-llama-2-vllm", name: "Demo · Llama 2 (vLLM)" },
  ollama: { id: "demo-llama-2-ollama", name: "Demo · Llama 2 (Ollama)" },
  j2Ultra: { id: "demo-j2-ultra", name: "Demo · Jurassic-2 Ultra (AI21)" },
  j2Chat: { id: "demo-j2-chat", name: "Demo · Jurassic-2 Chat (AI21)" },
  jamba: { id: "demo-jamba-mini", name: "Demo · Jamba Mini (AI21)" },
} as const;

/** The MODELS_FILE entries (the fakes' keys are fake, so they are written as they are). */
export function demoModelEntries(urls: FakeBackendUrls) {
  // Fresh instances only to read the fakes' credentials and model names; they are never started.
  const azure = new FakeAzureOpenAI();
  const ai21 = new FakeAi21();
  const vllm = new FakeOpenAICompatible("vllm");
  const ai21Endpoint = `${urls.ai21}/studio/v1`;
  const demo = { demo: true } as const;
  return [
    {
      ...DEMO_MODELS.azure,
      ...demo,
      default: true,
      provider: "azure-openai",
      endpoint: urls.azure,
      deployment: azure.deployments[0],
      apiVersion: "2024-10-21",
      apiKey: azure.apiKey,
    },
    { ...DEMO_MODELS.tgi, ...demo, provider: "tgi", endpoint: urls.tgi, model: "llama-2-7b-chat" },
    { ...DEMO_MODELS.vllm, ...demo, provider: "openai-compatible", endpoint: `${urls.vllm}/v1`, model: vllm.servedModel },
    { ...DEMO_MODELS.ollama, ...demo, provider: "ollama", endpoint: urls.ollama, model: "llama2:7b-chat" },
    { ...DEMO_MODELS.j2Ultra, ...demo, provider: "ai21", api: "complete", endpoint: ai21Endpoint, model: "j2-ultra", apiKey: ai21.apiKey },
    { ...DEMO_MODELS.j2Chat, ...demo, provider: "ai21", api: "chat", endpoint: ai21Endpoint, model: "j2-ultra", apiKey: ai21.apiKey },
    { ...DEMO_MODELS.jamba, ...demo, provider: "ai21", api: "jamba", endpoint: ai21Endpoint, model: "jamba-mini", apiKey: ai21.apiKey },
  ];
}

/** Writes the demo models as a MODELS_FILE (YAML). */
export function writeDemoModelsFile(file: string, urls: FakeBackendUrls): void {
  const header = [
    "# Demo models, each served by a local fake backend (tests/fakes): canned answers, fake keys.",
    "# Written by `npm run demo` and the e2e run; edits are overwritten.",
    "",
  ].join("\n");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${header}${stringify({ models: demoModelEntries(urls) })}`);
}
