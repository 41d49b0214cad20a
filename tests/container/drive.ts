// The HTTP side of tests/container/run.sh: signs up in a real browser, then talks to the running containers as the
// chat UI does. `tsx tests/container/drive.ts <step> ...`; state between steps lives in $STATE_FILE.
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/browser.mjs";

type UIChunk = { type: string; delta?: string; messageMetadata?: { status?: string } };
type State = { cookie: string; conversationId?: string; answerText?: string };

const stateFile = process.env.STATE_FILE ?? "/tmp/chat-container-test.json";
const MODEL = "fake-gpt";
const readState = (): State => JSON.parse(readFileSync(stateFile, "utf8")) as State;
const writeState = (state: State) => writeFileSync(stateFile, JSON.stringify(state));

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`FAILED: ${message}`);
}

async function signUp(base: string): Promise<string> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto("/sign-up");
    await page.getByLabel("Name", { exact: true }).fill("Container Test");
    await page.getByLabel("Email", { exact: true }).fill(`ops-${randomUUID().slice(0, 8)}@example.com`);
    await page.getByLabel("Password", { exact: true }).fill("a long enough password 123");
    await page.getByRole("button", { name: "Create account", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-"), { timeout: 30_000 });
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("chat.session-token"));
    check(session, "a session cookie after sign-up");
    return `${session.name}=${session.value}`;
  } finally {
    await browser.close();
  }
}

/** Writes carry the app's own origin (APP_URL; the proxy's address for the cluster), as a browser's would. */
function headers(base: string, cookie: string): Record<string, string> {
  return { cookie, origin: process.env.APP_ORIGIN ?? base, "content-type": "application/json" };
}

function parseSse(text: string): UIChunk[] {
  return text
    .split("\n\n")
    .map((event) => event.trim())
    .filter((event) => event.startsWith("data: ") && event !== "data: [DONE]")
    .map((event) => JSON.parse(event.slice(6)) as UIChunk);
}

/** Reads an SSE answer to its end; `onDelta` sees each text delta as it arrives. */
async function readAnswer(response: Response, onDelta?: (text: string) => void): Promise<{ text: string; chunks: UIChunk[] }> {
  check(response.ok && response.body, `a streamed answer, got ${response.status} ${response.ok ? "" : await response.text()}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  const chunks: UIChunk[] = [];
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const end = buffered.lastIndexOf("\n\n");
    if (end < 0) continue;
    for (const chunk of parseSse(buffered.slice(0, end + 2))) {
      chunks.push(chunk);
      if (chunk.type === "text-delta" && chunk.delta) {
        text += chunk.delta;
        onDelta?.(text);
      }
    }
    buffered = buffered.slice(end + 2);
  }
  return { text, chunks };
}

function send(base: string, cookie: string, conversationId: string, text: string): Promise<Response> {
  return fetch(`${base}/api/chat`, {
    method: "POST",
    headers: headers(base, cookie),
    body: JSON.stringify({ conversationId, modelId: MODEL, message: { id: randomUUID(), text } }),
  });
}

async function messages(base: string, cookie: string, conversationId: string) {
  const response = await fetch(`${base}/api/conversations/${conversationId}/messages`, { headers: { cookie } });
  check(response.ok, `messages of ${conversationId}: ${response.status}`);
  const body = (await response.json()) as { messages: Array<{ role: string; parts: Array<{ type: string; text?: string }>; metadata?: { status?: string } }> };
  return body.messages.map((message) => ({
    role: message.role,
    status: message.metadata?.status,
    text: message.parts.map((part) => part.text ?? "").join(""),
  }));
}

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(" ");
const ECHO = "[[fake:echo]]";
// Long enough (30 ms a token) to still be running when A is stopped, on a slow machine too.
const LONG = 1500;

async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    check(Date.now() < until, `${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const steps: Record<string, (...args: string[]) => Promise<void>> = {
  /** SQLite container, first run: sign up, one streamed answer. */
  async "sqlite-first"(base) {
    const cookie = await signUp(base);
    const conversationId = randomUUID();
    const expected = "Hello from the container test.";
    const { text } = await readAnswer(await send(base, cookie, conversationId, `${ECHO} ${expected}`));
    check(text === expected, `the streamed answer, got ${JSON.stringify(text)}`);
    writeState({ cookie, conversationId, answerText: expected });
    console.log("sqlite: signed up, one answer streamed");
  },

  /** A new container on the same volume: the session, the conversation and the answer are still there. */
  async "sqlite-again"(base) {
    const state = readState();
    const stored = await messages(base, state.cookie, state.conversationId!);
    check(
      stored.length === 2 && stored[1]!.text === state.answerText && stored[1]!.status === "complete",
      `the stored conversation, got ${JSON.stringify(stored)}`,
    );
    console.log("sqlite: data kept across containers");
  },

  async "cluster-sign-up"(proxy) {
    writeState({ cookie: await signUp(proxy) });
    console.log("cluster: signed up through the proxy");
  },

  /** An answer written by A, followed live from B (a reload that lands on the other instance). */
  async "cluster-follow"(a, b) {
    const { cookie } = readState();
    const conversationId = randomUUID();
    const reply = words(150);
    const writer = readAnswer(await send(a, cookie, conversationId, `${ECHO} ${reply}`));
    let followerUpdates = 0;
    const response = await waitUntil("B follows the answer", async () => {
      const resumed = await fetch(`${b}/api/chat/${conversationId}/stream`, { headers: { cookie } });
      return resumed.status === 200 ? resumed : null;
    });
    const followed = await readAnswer(response, () => followerUpdates++);
    const written = await writer;
    check(written.text === reply, "A wrote the whole answer");
    check(followed.text === reply, `B followed the whole answer, got ${followed.text.length} characters`);
    check(followerUpdates > 10, `B got the answer token by token (${followerUpdates} updates)`);
    console.log(`cluster: B followed A's answer live (${followerUpdates} updates)`);
  },

  /** Stop pressed on B stops the answer A writes. */
  async "cluster-stop"(a, b) {
    const { cookie } = readState();
    const conversationId = randomUUID();
    let firstToken: () => void = () => {};
    const started = new Promise<void>((resolve) => (firstToken = resolve));
    const writer = readAnswer(await send(a, cookie, conversationId, `${ECHO} ${words(2000)}`), () => firstToken());
    await started;
    const stop = await fetch(`${b}/api/chat/${conversationId}/stop`, { method: "POST", headers: headers(b, cookie) });
    check(stop.ok, `stop on B: ${stop.status}`);
    const written = await writer;
    check(written.text.length > 0 && written.text.length < words(2000).length, "the answer ended early with its text");
    const stored = await waitUntil("the answer stored as stopped", async () => {
      const rows = await messages(b, cookie, conversationId);
      return rows[1]?.status === "stopped" ? rows : null;
    });
    check(stored[1]!.text.length > 0, "the stopped answer kept its text");
    console.log("cluster: Stop on B stopped A's answer");
  },

  /** Starts 20 long answers on A at once and keeps reading them; the script then sends SIGTERM to A. */
  async "cluster-start-20"(a) {
    const state = readState();
    const ids = Array.from({ length: 20 }, () => randomUUID());
    const started = await Promise.all(ids.map((conversationId) => send(a, state.cookie, conversationId, `${ECHO} ${words(LONG)}`)));
    for (const [index, response] of started.entries()) check(response.status === 200, `answer ${index} started, got ${response.status}`);
    writeFileSync(`${stateFile}.twenty`, JSON.stringify(ids));
    console.log("cluster: 20 answers running on A");
    writeFileSync(`${stateFile}.ready`, "1");
    // Keep reading, as browsers would, until A goes away.
    await Promise.all(started.map((response) => readAnswer(response).catch(() => undefined)));
  },

  /** After A was stopped: none of the 20 answers is lost, and new questions keep working through the proxy. */
  async "cluster-after-sigterm"(b, proxy) {
    const { cookie } = readState();
    const ids = JSON.parse(readFileSync(`${stateFile}.twenty`, "utf8")) as string[];
    const statuses: Record<string, number> = {};
    for (const id of ids) {
      const rows = await messages(b, cookie, id);
      check(rows.length === 2, `conversation ${id} has its question and answer`);
      const answer = rows[1]!;
      check(answer.status === "complete" || answer.status === "interrupted", `answer of ${id} complete or interrupted, got ${answer.status}`);
      check(answer.text.length > 0, `answer of ${id} kept its text`);
      if (answer.status === "complete") check(answer.text === words(LONG), `complete answer of ${id} is whole`);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    }
    const { text } = await readAnswer(await send(proxy, cookie, randomUUID(), `${ECHO} still here`));
    check(text === "still here", "a new answer through the proxy after the stop");
    console.log(`cluster: SIGTERM during 20 answers lost none (${JSON.stringify(statuses)})`);
  },

  async "cluster-metrics"(b, token) {
    const denied = await fetch(`${b}/api/metrics`);
    check(denied.status === 401, `metrics without the token: ${denied.status}`);
    const response = await fetch(`${b}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
    check(response.ok, `metrics: ${response.status}`);
    const text = await response.text();
    check(/chat_answers_total\{model="fake-gpt",status="complete"\} [1-9]/.test(text), "answers counted in chat_answers_total");
    check(text.includes("chat_answer_time_to_first_token_seconds_bucket"), "time to first token histogram");
    check(text.includes("nodejs_eventloop_lag_seconds"), "event-loop lag");
    console.log("cluster: /api/metrics shows the answers");
  },
};

const [step, ...args] = process.argv.slice(2);
const run = step ? steps[step] : undefined;
if (!run) {
  console.error(`usage: drive.ts <${Object.keys(steps).join("|")}> ...`);
  process.exit(2);
}
run(...args).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
