// One fake vLLM in a process of its own (`npm run bench:server`, and tests that block their own event loop): every
// request gets the same BENCH_TOKENS-token reply, one token every BENCH_TOKEN_DELAY_MS. Its own process, so it keeps
// answering while the client is busy, and its CPU is measured apart. Prints "ready <url>" once listening.
import { FakeOpenAICompatible } from "./openai-compatible";

const port = Number(process.env.BENCH_FAKE_PORT ?? 0);
const tokens = Number(process.env.BENCH_TOKENS ?? 200);
const delayMs = Number(process.env.BENCH_TOKEN_DELAY_MS ?? 5);

async function main(): Promise<void> {
  const fake = new FakeOpenAICompatible("vllm");
  fake.reply = Array.from({ length: tokens }, (_, index) => `w${index}`).join(" ");
  fake.timings = { ...fake.timings, tokenDelayMs: delayMs };
  const url = await fake.start(port);
  // The recorded requests would grow without bound over a run of thousands of answers.
  setInterval(() => fake.requests.splice(0), 1_000).unref();
  console.log(`ready ${url}`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
