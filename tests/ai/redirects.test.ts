import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLanguageModel } from "@/lib/ai/registry";
import { expectLlmError, onlyError } from "./support/expect-llm-error";
import { TEST_TIMEOUTS } from "./support/fast-timeouts";
import { runStream } from "./support/run-stream";

// A model endpoint that answers with a redirect: the request (with its key) must not follow it anywhere.

let canaryRequests = 0;
let canary: Server;
let redirector: Server;
const url = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeAll(async () => {
  canary = createServer((_request, response) => {
    canaryRequests++;
    response.end("{}");
  });
  redirector = createServer((_request, response) => {
    response.writeHead(307, { location: `${url(canary)}/v1/chat/completions` }).end();
  });
  await Promise.all([canary, redirector].map((server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))));
});
afterAll(async () => {
  await Promise.all([canary, redirector].map((server) => new Promise((resolve) => server.close(resolve))));
});

it("a redirect from the endpoint is an error for the admin, and the target never sees the request or the key", async () => {
  const model = createLanguageModel({
    provider: "openai-compatible",
    endpoint: `${url(redirector)}/v1`,
    model: "m",
    apiKey: "sk-redirect-secret",
    timeouts: TEST_TIMEOUTS,
  });

  const run = await runStream(model, { prompt: "hi" });

  const error = expectLlmError(onlyError(run.errors), "unavailable", { secrets: ["sk-redirect-secret"] });
  expect(error.adminMessage).toContain("HTTP 307");
  expect(error.adminMessage).toContain(`redirect to ${url(canary)}/v1/chat/completions not followed`);
  expect(canaryRequests).toBe(0);
});
