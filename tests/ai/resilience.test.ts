import { createServer } from "node:net";
import { generateText } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLanguageModel } from "@/lib/ai/registry";
import { type AllFakes, startAllFakes } from "@/tests/fakes/index";
import { magicPhrase } from "@/tests/fakes/scenarios";
import { ONE_SHOT_BACKENDS, STREAMING_BACKENDS } from "./support/backends";
import { expectLlmError, onlyError } from "./support/expect-llm-error";
import { SHORT_TIMEOUTS, TEST_TIMEOUTS } from "./support/fast-timeouts";
import { runStream } from "./support/run-stream";

let fakes: AllFakes;

beforeAll(async () => {
  fakes = await startAllFakes();
});
afterAll(async () => {
  await fakes.close();
});
beforeEach(() => {
  for (const fake of fakes.list) fake.reset();
  fakes.tgi.keepAliveMs = 15_000;
});

describe.each(STREAMING_BACKENDS)("$name under trouble", (backend) => {
  it("closes the upstream connection when the user aborts mid-stream", async () => {
    const fake = backend.fake(fakes);
    fake.timings.tokenDelayMs = 40;
    const disconnected = fake.nextDisconnect();
    const controller = new AbortController();
    const run = await runStream(backend.model(fakes, TEST_TIMEOUTS), {
      prompt: "Tell me a long story",
      abortSignal: controller.signal,
      onDelta: () => controller.abort(),
    });
    await disconnected;

    expect(fake.clientDisconnects).toBe(1);
    expect(run.deltas.length).toBeGreaterThanOrEqual(1);
    expect(run.deltas.length).toBeLessThan(fake.reply.match(/\s*\S+/g)?.length ?? 0);
    expect(run.aborted).toBe(true);
    expect(run.errors).toEqual([]);
  });

  it("closes the upstream connection when the user aborts before the first token", async () => {
    const fake = backend.fake(fakes);
    fake.scenario = "slow-first-token";
    const disconnected = fake.nextDisconnect();
    const controller = new AbortController();
    const running = runStream(backend.model(fakes, TEST_TIMEOUTS), { prompt: "Hello", abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const run = await running;
    await disconnected;

    expect(run.deltas).toEqual([]);
    expect(run.aborted).toBe(true);
    expect(fake.clientDisconnects).toBe(1);
  });

  it("times out when the first token is too slow, and hangs up", async () => {
    const fake = backend.fake(fakes);
    const disconnected = fake.nextDisconnect();
    const run = await runStream(backend.model(fakes, SHORT_TIMEOUTS), { prompt: `Hello ${magicPhrase("slow-first-token")}` });
    await disconnected;

    const error = expectLlmError(onlyError(run.errors), "timeout");
    expect(error.timeoutPhase).toBe("first-token");
    expect(run.deltas).toEqual([]);
  });

  it("times out when the stream stalls between tokens, and hangs up", async () => {
    const fake = backend.fake(fakes);
    fake.scenario = "stall";
    const disconnected = fake.nextDisconnect();
    const run = await runStream(backend.model(fakes, SHORT_TIMEOUTS), { prompt: "Hello" });
    await disconnected;

    const error = expectLlmError(onlyError(run.errors), "timeout");
    expect(error.timeoutPhase).toBe("idle");
    expect(run.deltas).toHaveLength(fake.timings.tokensBeforeTrouble);
  });

  it("times out when the server never answers", async () => {
    const fake = backend.fake(fakes);
    fake.scenario = "hang";
    const disconnected = fake.nextDisconnect();
    const run = await runStream(backend.model(fakes, SHORT_TIMEOUTS), { prompt: "Hello" });
    await disconnected;

    expect(expectLlmError(onlyError(run.errors), "timeout").timeoutPhase).toBe("connect");
  });

  it("maps a connection reset mid-stream to stream_error", async () => {
    backend.fake(fakes).scenario = "reset";
    const run = await runStream(backend.model(fakes, TEST_TIMEOUTS), { prompt: "Hello" });

    // An RST drops whatever the client had not read yet, so "at most the tokens sent" is all that is certain.
    expect(run.deltas.length).toBeLessThanOrEqual(2);
    expectLlmError(onlyError(run.errors), "stream_error");
  });
});

describe("TGI keep-alives", () => {
  const tgiModel = () => createLanguageModel({ provider: "tgi", endpoint: fakes.tgi.url, timeouts: SHORT_TIMEOUTS });

  it("do not count as a first token", async () => {
    fakes.tgi.keepAliveMs = 50;
    fakes.tgi.scenario = "slow-first-token";
    const run = await runStream(tgiModel(), { prompt: "Hello" });

    expect(expectLlmError(onlyError(run.errors), "timeout").timeoutPhase).toBe("first-token");
  });

  it("do not keep a stalled generation alive", async () => {
    fakes.tgi.keepAliveMs = 50;
    fakes.tgi.scenario = "stall";
    const run = await runStream(tgiModel(), { prompt: "Hello" });

    expect(expectLlmError(onlyError(run.errors), "timeout").timeoutPhase).toBe("idle");
  });

  it("between tokens are ignored on a healthy stream", async () => {
    fakes.tgi.keepAliveMs = 5;
    fakes.tgi.timings.slowFirstTokenMs = 60;
    fakes.tgi.scenario = "slow-first-token";
    const run = await runStream(createLanguageModel({ provider: "tgi", endpoint: fakes.tgi.url, timeouts: TEST_TIMEOUTS }), { prompt: "Hello" });

    expect(run.errors).toEqual([]);
    expect(run.text).toBe(fakes.tgi.reply.trimStart());
  });
});

describe.each(ONE_SHOT_BACKENDS)("$name under trouble", (backend) => {
  it("times out when the answer is too slow, and hangs up", async () => {
    const fake = backend.fake(fakes);
    fake.scenario = "slow-first-token";
    const disconnected = fake.nextDisconnect();
    const run = await runStream(backend.model(fakes, SHORT_TIMEOUTS), { prompt: "Hello" });
    await disconnected;

    expectLlmError(onlyError(run.errors), "timeout");
  });

  it("closes the upstream connection when the user aborts while waiting", async () => {
    const fake = backend.fake(fakes);
    fake.scenario = "slow-first-token";
    const disconnected = fake.nextDisconnect();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const run = await runStream(backend.model(fakes, TEST_TIMEOUTS), { prompt: "Hello", abortSignal: controller.signal });
    await disconnected;

    expect(run.deltas).toEqual([]);
    expect(fake.clientDisconnects).toBe(1);
  });

  it("maps a dropped connection to unavailable", async () => {
    backend.fake(fakes).scenario = "reset";
    const run = await runStream(backend.model(fakes, TEST_TIMEOUTS), { prompt: "Hello" });

    expectLlmError(onlyError(run.errors), "unavailable");
  });
});

describe("unreachable backends", () => {
  it("map a refused connection to unavailable", async () => {
    const port = await freePort();
    const model = createLanguageModel({ provider: "ollama", endpoint: `http://127.0.0.1:${port}`, model: "llama2", timeouts: TEST_TIMEOUTS });
    const run = await runStream(model, { prompt: "Hello" });

    const error = expectLlmError(onlyError(run.errors), "unavailable");
    expect(error.adminMessage).toContain("ECONNREFUSED");
  });

  it("generateText throws the typed timeout error", async () => {
    fakes.ollama.scenario = "stall";
    const model = createLanguageModel({ provider: "ollama", endpoint: fakes.ollama.url, model: "llama2:7b-chat", timeouts: SHORT_TIMEOUTS });
    const failure = await generateText({ model, prompt: "Hello", maxRetries: 0 }).catch((error: unknown) => error);

    expect(expectLlmError(failure, "timeout").timeoutPhase).toBe("idle");
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
