// Runs every fake backend until Ctrl-C: `tsx tests/fakes/serve.ts` (FAKES_BASE_PORT=4100 for fixed ports).
import { type AllFakes, startAllFakes } from "./index";

function demoConfigs(fakes: AllFakes) {
  const ai21 = `${fakes.ai21.url}/studio/v1`;
  return {
    "azure-openai (dated)": { provider: "azure-openai", endpoint: fakes.azure.url, deployment: "gpt-4o", apiVersion: "2024-10-21", apiKey: fakes.azure.apiKey },
    "azure-openai (v1)": { provider: "azure-openai", endpoint: fakes.azure.url, deployment: "gpt-4o", apiVersion: "v1", apiKey: fakes.azure.apiKey },
    tgi: { provider: "tgi", endpoint: fakes.tgi.url, model: "llama-2-7b-chat" },
    "openai-compatible (TGI Messages API)": { provider: "openai-compatible", endpoint: `${fakes.tgi.url}/v1`, model: "tgi" },
    "openai-compatible (vLLM)": { provider: "openai-compatible", endpoint: `${fakes.vllm.url}/v1`, model: fakes.vllm.servedModel },
    "openai-compatible (llama.cpp)": { provider: "openai-compatible", endpoint: `${fakes.llamaCpp.url}/v1` },
    ollama: { provider: "ollama", endpoint: fakes.ollama.url, model: "llama2:7b-chat" },
    "ai21 J2 complete": { provider: "ai21", api: "complete", endpoint: ai21, model: "j2-ultra", apiKey: fakes.ai21.apiKey },
    "ai21 J2 chat": { provider: "ai21", api: "chat", endpoint: ai21, model: "j2-ultra", apiKey: fakes.ai21.apiKey },
    "ai21 Jamba": { provider: "ai21", api: "jamba", endpoint: ai21, model: "jamba-mini", apiKey: fakes.ai21.apiKey },
  };
}

async function main(): Promise<void> {
  const basePort = process.env.FAKES_BASE_PORT ? Number(process.env.FAKES_BASE_PORT) : undefined;
  const fakes = await startAllFakes({ basePort });
  // Slower tokens (e.g. 30 ms) keep answers running long enough to follow, stop or interrupt them.
  if (process.env.FAKES_TOKEN_DELAY_MS) for (const fake of fakes.list) fake.timings.tokenDelayMs = Number(process.env.FAKES_TOKEN_DELAY_MS);
  for (const fake of fakes.list) console.log(`${fake.name.padEnd(14)} ${fake.url}`);
  console.log("\nModel configs (lib/ai/model-config.ts) pointing at them:");
  console.log(JSON.stringify(demoConfigs(fakes), null, 2));
  console.log("\nMisbehave per request with a magic phrase in the prompt, e.g. [[fake:rate-limit]], [[fake:stall]], [[fake:content-filter]].");

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await fakes.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
