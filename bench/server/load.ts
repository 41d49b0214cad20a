// The load generator: sends N requests at once (or one after another) and times every streamed token as it arrives.
// node:http rather than fetch: at 500 streams the client's own parsing must stay cheap, and it is the same for every
// target so ratios stay fair.
import { randomUUID } from "node:crypto";
import http from "node:http";

export interface Target {
  name: string;
  /** Builds one request: path, headers and body. */
  request(index: number): { url: string; headers: Record<string, string>; body: string };
  /** How many of the backend's tokens a server-sent-event line carries (the app may join a burst into one event). */
  tokensIn(line: string): number;
  /** True for a line that reports a failure inside a 200 stream. */
  isError(line: string): boolean;
  expectedTokens: number;
}

export interface RequestTiming {
  startedAt: number;
  status: number;
  firstTokenAt?: number;
  lastTokenAt?: number;
  endedAt: number;
  tokens: number;
  /** Why it counts as failed (status, error event, cut short). */
  failure?: string;
  retryAfter?: string;
}

const REQUEST_LIMIT_MS = 180_000;

export function targetAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
}

export function sendOne(target: Target, index: number, agent: http.Agent): Promise<RequestTiming> {
  const { url, headers, body } = target.request(index);
  const timing: RequestTiming = { startedAt: performance.now(), status: 0, endedAt: 0, tokens: 0 };
  return new Promise((resolve) => {
    const finish = (failure?: string) => {
      if (timing.endedAt) return;
      timing.endedAt = performance.now();
      if (!failure && timing.tokens < target.expectedTokens) failure = `${timing.tokens} of ${target.expectedTokens} tokens`;
      if (failure) timing.failure = failure;
      resolve(timing);
    };
    const request = http.request(url, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) }, timeout: REQUEST_LIMIT_MS });
    request.on("timeout", () => request.destroy(new Error("no answer within the request limit")));
    request.on("error", (error) => finish(`network: ${error.message}`));
    request.on("response", (response) => {
      timing.status = response.statusCode ?? 0;
      const retryAfter = response.headers["retry-after"];
      if (typeof retryAfter === "string") timing.retryAfter = retryAfter;
      response.setEncoding("utf8");
      let buffered = "";
      let errorLine: string | undefined;
      response.on("data", (chunk: string) => {
        buffered += chunk;
        let newline = buffered.indexOf("\n");
        while (newline >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          const tokens = target.tokensIn(line);
          if (tokens > 0) {
            const now = performance.now();
            timing.firstTokenAt ??= now;
            timing.lastTokenAt = now;
            timing.tokens += tokens;
          } else if (!errorLine && target.isError(line)) errorLine = line.slice(0, 200);
          newline = buffered.indexOf("\n");
        }
      });
      response.on("end", () => {
        if (timing.status !== 200) finish(`HTTP ${timing.status}: ${buffered.slice(0, 200)}`);
        else finish(errorLine);
      });
      response.on("error", (error) => finish(`network: ${error.message}`));
    });
    request.end(body);
  });
}

/** `count` requests sent at the same moment. */
export function burst(target: Target, count: number, agent: http.Agent, offset: number): Promise<RequestTiming[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => sendOne(target, offset + index, agent)));
}

/** `count` requests, each sent after the previous one ended. */
export async function oneAtATime(target: Target, count: number, agent: http.Agent, offset: number): Promise<RequestTiming[]> {
  const timings: RequestTiming[] = [];
  for (let index = 0; index < count; index++) timings.push(await sendOne(target, offset + index, agent));
  return timings;
}

/** The fake backend's tokens are the words w0, w1, …: a delta's count of them is its count of tokens. */
function wordsIn(text: string | undefined): number {
  return text?.match(/w\d+/g)?.length ?? 0;
}

export const PROMPT = "Explain the bench in a few words.";

export function directTarget(backendUrl: string, expectedTokens: number): Target {
  return {
    name: "backend direct",
    expectedTokens,
    request: () => ({
      url: `${backendUrl}/v1/chat/completions`,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        model: "meta-llama/Llama-2-7b-chat-hf",
        messages: [{ role: "user", content: PROMPT }],
        stream: true,
        stream_options: { include_usage: true },
      }),
    }),
    // The first chunk carries the role with empty content; token chunks have text.
    tokensIn: (line) => (line.startsWith("data: ") ? wordsIn(/"content":"([^"]*)"/.exec(line)?.[1]) : 0),
    isError: (line) => line.startsWith("data: ") && line.includes('"error"'),
  };
}

export function appTarget(name: string, appUrl: string, cookie: string, modelId: string, expectedTokens: number): Target {
  return {
    name,
    expectedTokens,
    request: () => ({
      url: `${appUrl}/api/chat`,
      headers: { "content-type": "application/json", cookie, origin: appUrl },
      body: JSON.stringify({ conversationId: randomUUID(), modelId, message: { id: randomUUID(), text: PROMPT } }),
    }),
    tokensIn: (line) => (line.startsWith("data: ") && line.includes('"type":"text-delta"') ? wordsIn(/"delta":"([^"]*)"/.exec(line)?.[1]) : 0),
    isError: (line) => line.startsWith("data: ") && line.includes('"type":"error"'),
  };
}
