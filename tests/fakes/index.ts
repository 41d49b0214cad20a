import { FakeAi21 } from "./ai21";
import { FakeAzureOpenAI } from "./azure-openai";
import type { FakeServer } from "./fake-server";
import { FakeOllama } from "./ollama";
import { FakeOpenAICompatible } from "./openai-compatible";
import { FakeTgi } from "./tgi";

export { FakeAi21 } from "./ai21";
export { FakeAzureOpenAI } from "./azure-openai";
export { ECHO_PHRASE } from "./echo";
export { DEFAULT_TIMINGS, FakeServer, type FakeTimings, type RecordedRequest } from "./fake-server";
export { FakeOllama } from "./ollama";
export { FakeOpenAICompatible } from "./openai-compatible";
export { magicPhrase, SCENARIOS, type Scenario } from "./scenarios";
export { FakeTgi } from "./tgi";

export interface AllFakes {
  azure: FakeAzureOpenAI;
  tgi: FakeTgi;
  vllm: FakeOpenAICompatible;
  llamaCpp: FakeOpenAICompatible;
  ollama: FakeOllama;
  ai21: FakeAi21;
  list: FakeServer[];
  close(): Promise<void>;
}

/** Starts one fake per protocol on 127.0.0.1. Ports are free ones unless `basePort` is given (then consecutive). */
export async function startAllFakes(options: { basePort?: number; host?: string } = {}): Promise<AllFakes> {
  const azure = new FakeAzureOpenAI();
  const tgi = new FakeTgi();
  const vllm = new FakeOpenAICompatible("vllm");
  const llamaCpp = new FakeOpenAICompatible("llama.cpp");
  const ollama = new FakeOllama();
  const ai21 = new FakeAi21();
  const list: FakeServer[] = [azure, tgi, vllm, llamaCpp, ollama, ai21];
  try {
    for (const [index, fake] of list.entries()) {
      await fake.start(options.basePort === undefined ? 0 : options.basePort + index, options.host);
    }
  } catch (error) {
    await Promise.all(list.map((fake) => fake.close()));
    throw error;
  }
  return { azure, tgi, vllm, llamaCpp, ollama, ai21, list, close: () => Promise.all(list.map((fake) => fake.close())).then(() => undefined) };
}
