import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createBackendTransport, type Resolver } from "@/lib/ai/backend-transport";
import { createLanguageModel } from "@/lib/ai/registry";
import { expectLlmError, onlyError } from "./support/expect-llm-error";
import { TEST_TIMEOUTS } from "./support/fast-timeouts";
import { runStream } from "./support/run-stream";

// SSRF by DNS: a host name whose spelling passes the endpoint check but resolves to a metadata address must never be
// called, neither at the first connection nor after a harmless first answer (DNS rebinding). The resolver is
// injected; the backend is a real HTTP server on loopback, which stands for "the address the name points at".

let requests = 0;
let backend: Server;
let port = 0;

beforeAll(async () => {
  backend = createServer((_request, response) => {
    requests++;
    // One connection per request, so every call resolves the name again (as after a keep-alive timeout).
    response.writeHead(200, { "content-type": "text/event-stream", connection: "close" });
    response.end(
      'data: {"id":"1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"hello"},"finish_reason":null}]}\n\n' +
        'data: {"id":"1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n' +
        "data: [DONE]\n\n",
    );
  });
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  port = (backend.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => backend.close(resolve));
});

function modelWith(resolve: Resolver, host: string) {
  return createLanguageModel(
    { provider: "openai-compatible", endpoint: `http://${host}:${port}/v1`, model: "m", timeouts: TEST_TIMEOUTS },
    { transport: createBackendTransport(resolve) },
  );
}

const answers =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) =>
    (table[hostname] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

it("calls a name that resolves to an allowed address (loopback: Ollama beside the app)", async () => {
  const before = requests;
  const run = await runStream(modelWith(answers({ "models.example.test": ["127.0.0.1"] }), "models.example.test"), { prompt: "hi" });
  expect(run.errors).toEqual([]);
  expect(run.text).toBe("hello");
  expect(requests).toBe(before + 1);
});

it.each([
  ["IPv4 link-local (cloud metadata)", ["169.254.169.254"]],
  ["Alibaba metadata", ["100.100.100.200"]],
  ["AWS IMDS over IPv6", ["fd00:ec2::254"]],
  ["IPv6 link-local", ["fe80::1"]],
  ["IPv4-mapped metadata", ["::ffff:169.254.169.254"]],
  ["one bad address among good ones", ["127.0.0.1", "169.254.169.254"]],
])("refuses a name that resolves to %s, before any byte is sent", async (_label, addresses) => {
  const before = requests;
  const run = await runStream(modelWith(answers({ "metadata-alias.example.test": addresses }), "metadata-alias.example.test"), { prompt: "hi" });
  const error = expectLlmError(onlyError(run.errors), "unavailable");
  expect(error.adminMessage).toContain("link-local or cloud metadata address");
  expect(requests).toBe(before);
});

it("checks again on every connection: a name that rebinds to a metadata address after a first good answer is refused", async () => {
  let lookups = 0;
  const rebinding: Resolver = async () => {
    lookups++;
    return [{ address: lookups === 1 ? "127.0.0.1" : "169.254.169.254", family: 4 }];
  };
  const model = modelWith(rebinding, "rebind.example.test");
  const before = requests;

  const first = await runStream(model, { prompt: "hi" });
  expect(first.errors).toEqual([]);
  const second = await runStream(model, { prompt: "hi again" });

  expect(lookups).toBe(2);
  expect(expectLlmError(onlyError(second.errors), "unavailable").adminMessage).toContain("169.254.169.254");
  expect(requests).toBe(before + 1);
});

it("refuses a forbidden literal address at call time too (a model row written before the check existed)", async () => {
  const send = createBackendTransport(answers({}));
  const request = { url: "http://169.254.169.254/latest/meta-data/", headers: {}, body: "", signal: new AbortController().signal };
  await expect(send(request)).rejects.toThrow(/link-local or cloud metadata/);
});
