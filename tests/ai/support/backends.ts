import type { LanguageModelV4 } from "@ai-sdk/provider";
import type { ModelConfigInput } from "@/lib/ai/model-config";
import { createLanguageModel } from "@/lib/ai/registry";
import type { FakeServer } from "@/tests/fakes/fake-server";
import type { AllFakes } from "@/tests/fakes/index";

type Timeouts = NonNullable<ModelConfigInput["timeouts"]>;

export interface BackendCase {
  name: string;
  fake: (fakes: AllFakes) => FakeServer;
  model: (fakes: AllFakes, timeouts: Timeouts) => LanguageModelV4;
}

/** Every streaming backend, each pointed at its fake. */
export const STREAMING_BACKENDS: BackendCase[] = [
  {
    name: "azure-openai",
    fake: (f) => f.azure,
    model: (f, timeouts) => createLanguageModel({ provider: "azure-openai", endpoint: f.azure.url, deployment: "gpt-4o", apiKey: f.azure.apiKey, timeouts }),
  },
  {
    name: "tgi",
    fake: (f) => f.tgi,
    model: (f, timeouts) => createLanguageModel({ provider: "tgi", endpoint: f.tgi.url, timeouts }),
  },
  {
    name: "openai-compatible (vLLM)",
    fake: (f) => f.vllm,
    model: (f, timeouts) => createLanguageModel({ provider: "openai-compatible", endpoint: `${f.vllm.url}/v1`, model: f.vllm.servedModel, timeouts }),
  },
  {
    name: "openai-compatible (llama.cpp)",
    fake: (f) => f.llamaCpp,
    model: (f, timeouts) => createLanguageModel({ provider: "openai-compatible", endpoint: `${f.llamaCpp.url}/v1`, timeouts }),
  },
  {
    name: "ollama",
    fake: (f) => f.ollama,
    model: (f, timeouts) => createLanguageModel({ provider: "ollama", endpoint: f.ollama.url, model: "llama2:7b-chat", timeouts }),
  },
  {
    name: "ai21 jamba",
    fake: (f) => f.ai21,
    model: (f, timeouts) =>
      createLanguageModel({ provider: "ai21", api: "jamba", endpoint: `${f.ai21.url}/studio/v1`, model: "jamba-mini", apiKey: f.ai21.apiKey, timeouts }),
  },
];

/** The non-streaming J2 APIs. */
export const ONE_SHOT_BACKENDS: BackendCase[] = [
  {
    name: "ai21 J2 complete",
    fake: (f) => f.ai21,
    model: (f, timeouts) =>
      createLanguageModel({ provider: "ai21", api: "complete", endpoint: `${f.ai21.url}/studio/v1`, model: "j2-ultra", apiKey: f.ai21.apiKey, timeouts }),
  },
  {
    name: "ai21 J2 chat",
    fake: (f) => f.ai21,
    model: (f, timeouts) =>
      createLanguageModel({ provider: "ai21", api: "chat", endpoint: `${f.ai21.url}/studio/v1`, model: "j2-ultra", apiKey: f.ai21.apiKey, timeouts }),
  },
];
