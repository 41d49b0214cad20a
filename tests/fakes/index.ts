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
  /** Listens on 127.0.0.1. Ports are free ones unless `basePort` is given (then consecutive, in the order of `list`). */
  start(options?: { basePort?: number; host?: string }): Promise<void>;
  /** Every fake back to a clean state, between tests. */
  reset(): void;
  close(): Promise<void>;
}

/** One fake per protocol, not listening yet (`start` them): a test file can hold them before its hooks run. */
export function createAllFakes(): AllFakes {
  const azure = new FakeAzureOpenAI();
  const tgi = new FakeTgi();
  const vllm = new FakeOpenAICompatible("vllm");
  const llamaCpp = new FakeOpenAICompatible("llama.cpp");
  const ollama = new FakeOllama();
  const ai21 = new FakeAi21();
  const list: FakeServer[] = [azure, tgi, vllm, llamaCpp, ollama, ai21];
  const close = () => Promise.all(list.map((fake) => fake.close())).then(() => undefined);
  async function start(options: { basePort?: number; host?: string } = {}) {
    try {
      for (const [index, fake] of list.entries()) {
        await fake.start(options.basePort === undefined ? 0 : options.basePort + index, options.host);
      }
    } catch (error) {
      await close();
      throw error;
    }
  }
  const reset = () => {
    for (const fake of list) fake.reset();
  };
  return { azure, tgi, vllm, llamaCpp, ollama, ai21, list, start, reset, close };
}

/** Starts one fake per protocol on 127.0.0.1. Ports are free ones unless `basePort` is given (then consecutive). */
export async function startAllFakes(options: { basePort?: number; host?: string } = {}): Promise<AllFakes> {
  const fakes = createAllFakes();
  await fakes.start(options);
  return fakes;
}
