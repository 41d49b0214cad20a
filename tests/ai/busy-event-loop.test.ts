import diagnostics from "node:diagnostics_channel";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLanguageModel } from "@/lib/ai/registry";
import { startVllmProcess, type VllmProcess } from "@/tests/fakes/vllm-process-spawn";
import { runStream } from "./support/run-stream";

// The backend runs in another process, so it answers while this one is busy: the situation of an app server pumping
// hundreds of streams, whose timers run late. A timeout must then mean that the backend was slow, not this process.

let backend: VllmProcess;

beforeAll(async () => {
  backend = await startVllmProcess({ tokens: 5, tokenDelayMs: 1 });
});
afterAll(async () => {
  await backend.stop();
});

/** Keeps this event loop busy for `ms` right after the request was sent, as a saturated server does. */
function blockAfterRequestSent(ms: number): () => void {
  const channel = diagnostics.channel("undici:request:bodySent");
  let blocked = false;
  const onSent = () => {
    if (blocked) return;
    blocked = true;
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // busy, as with hundreds of streams to pump
    }
  };
  channel.subscribe(onSent);
  return () => channel.unsubscribe(onSent);
}

it("does not report a timeout when the backend answered in time but this process was too busy to read it", async () => {
  const model = createLanguageModel({
    provider: "openai-compatible",
    endpoint: `${backend.url}/v1`,
    model: "meta-llama/Llama-2-7b-chat-hf",
    timeouts: { connectMs: 150, firstTokenMs: 150, idleMs: 150 },
  });
  // Long enough for the backend process to answer even on a loaded machine.
  const unblock = blockAfterRequestSent(2_000);
  try {
    const run = await runStream(model, { prompt: "Hello" });
    expect(run.errors).toEqual([]);
    expect(run.text).toBe("w0 w1 w2 w3 w4");
  } finally {
    unblock();
  }
});

it("still reports a timeout when the backend is the slow one", async () => {
  const model = createLanguageModel({
    provider: "openai-compatible",
    endpoint: `${backend.url}/v1`,
    model: "meta-llama/Llama-2-7b-chat-hf",
    timeouts: { connectMs: 150, firstTokenMs: 150, idleMs: 150 },
  });
  // The fake's "hang" scenario never answers.
  const run = await runStream(model, { prompt: "Hello [[fake:hang]]" });
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]).toMatchObject({ code: "timeout", timeoutPhase: "connect" });
});
