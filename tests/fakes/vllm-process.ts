// One fake vLLM in a process of its own (`npm run bench:server`, and tests that block their own event loop): every
// request gets the same BENCH_TOKENS-token reply (fewer when its max_tokens says so), one token every BENCH_TOKEN_DELAY_MS. Its own process, so it keeps
// answering while the client is busy, and its CPU is measured apart. Prints "ready <url>" once listening.
import { FakeOpenAICompatible } from "./openai-compatible";
import { bodyField } from "./openai-style";

const port = Number(process.env.BENCH_FAKE_PORT ?? 0);
const tokens = Number(process.env.BENCH_TOKENS ?? 200);
const delayMs = Number(process.env.BENCH_TOKEN_DELAY_MS ?? 5);

async function main(): Promise<void> {
  const fake = new FakeOpenAICompatible("vllm");
  const words = Array.from({ length: tokens }, (_, index) => `w${index}`);
  fake.reply = words.join(" ");
  // As vLLM does, a reply stops at the request's max_tokens: a conversation title asks for 24, not a whole answer.
  fake.script = (request) => {
    const maxTokens = bodyField<number>(request.json, "max_tokens");
    return typeof maxTokens === "number" && maxTokens < words.length ? { reply: words.slice(0, maxTokens).join(" ") } : undefined;
  };
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
