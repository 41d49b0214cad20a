import "server-only";
import type { UIMessageChunk } from "ai";
import Redis from "ioredis";
import { createResumableStreamContext, type Publisher, type ResumableStreamContext, type Subscriber } from "resumable-stream/generic";
import { getEnv } from "@/lib/env";
import { errorFields, log } from "@/lib/server/log";
import type { ActiveGeneration } from "./generation-registry";

// Following a live answer from another instance, through Redis (REDIS_URL), so a reload that lands on any instance
// follows the answer token by token without sticky sessions. The instance writing the answer publishes its UI
// message chunks as a resumable stream (the `resumable-stream` library: pub/sub, the writer replays what a late
// reader missed); a reader elsewhere subscribes. Redis is never in the way of an answer: when it is down, the answer
// is written and saved as always, and a reader on another instance gets the saved text instead (one log line).

const KEY_PREFIX = "chat-live";
// How long a reader on another instance waits for the writer to answer before falling back to the saved text.
const FOLLOW_TIMEOUT_MS = 2_000;
const WARN_EVERY_MS = 60_000;

interface Relay {
  context: ResumableStreamContext;
}

const globalForRelay = globalThis as unknown as { chatLiveRelay?: Relay | null; chatLiveRelayWarnedAt?: number };

function warnOnce(error: unknown, what: string): void {
  const now = Date.now();
  if (now - (globalForRelay.chatLiveRelayWarnedAt ?? 0) < WARN_EVERY_MS) return;
  globalForRelay.chatLiveRelayWarnedAt = now;
  log.warn({ area: "chat", ...errorFields(error) }, `Redis unavailable: ${what}`);
}

function connection(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  client.on("error", () => undefined);
  return client;
}

/** Publishing never throws into the answer: a failed publish only costs remote readers their live view. */
function publisherOf(client: Redis): Publisher {
  return {
    connect: async () => undefined,
    publish: (channel, message) => client.publish(channel, message).catch((error: unknown) => warnOnce(error, "live answers are not relayed")),
    set: (key, value, options) =>
      (options?.EX ? client.set(key, value, "EX", options.EX) : client.set(key, value)).catch((error: unknown) =>
        warnOnce(error, "live answers are not relayed"),
      ),
    get: (key) => client.get(key),
    incr: (key) => client.incr(key),
  };
}

function subscriberOf(client: Redis): Subscriber {
  const listeners = new Map<string, (message: string) => void>();
  client.on("message", (channel: string, message: string) => listeners.get(channel)?.(message));
  return {
    connect: async () => undefined,
    subscribe: async (channel, callback) => {
      listeners.set(channel, callback);
      await client.subscribe(channel);
    },
    unsubscribe: async (channel) => {
      listeners.delete(channel);
      await client.unsubscribe(channel).catch(() => undefined);
    },
  };
}

function relay(): Relay | null {
  if (globalForRelay.chatLiveRelay !== undefined) return globalForRelay.chatLiveRelay;
  const url = getEnv().REDIS_URL;
  globalForRelay.chatLiveRelay = url
    ? {
        context: createResumableStreamContext({
          keyPrefix: KEY_PREFIX,
          waitUntil: null,
          publisher: publisherOf(connection(url)),
          subscriber: subscriberOf(connection(url)),
        }),
      }
    : null;
  return globalForRelay.chatLiveRelay;
}

/** Called when an answer starts: its chunks, as JSON lines, go to Redis for readers on other instances. */
export function relayAnswer(generation: ActiveGeneration): void {
  const current = relay();
  if (!current) return;
  const lines = generation.chunks
    .subscribe()
    .pipeThrough(new TransformStream<UIMessageChunk, string>({ transform: (chunk, controller) => controller.enqueue(`${JSON.stringify(chunk)}\n`) }));
  current.context
    .createNewResumableStream(generation.messageId, () => lines)
    .then((relayed) => relayed?.pipeTo(new WritableStream()))
    .catch((error: unknown) => {
      warnOnce(error, "live answers are not relayed");
      void lines.cancel();
    });
}

/**
 * The live answer `messageId` written by another instance: everything so far, then each chunk as it comes; null
 * when it is not relayed (no Redis, Redis down, the writer gone or already finished), so the caller falls back to
 * the saved text.
 */
export async function followRelayedAnswer(messageId: string): Promise<ReadableStream<UIMessageChunk> | null> {
  const current = relay();
  if (!current) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), FOLLOW_TIMEOUT_MS)));
  const resumed = current.context.resumeExistingStream(messageId).catch((error: unknown) => {
    warnOnce(error, "live answers of other instances are shown as saved");
    return null;
  });
  const stream = await Promise.race([resumed, timeout]).finally(() => clearTimeout(timer));
  if (!stream) {
    // Late: cancel what may still arrive, so its subscription ends.
    void resumed.then((late) => late?.cancel());
    return null;
  }
  return stream.pipeThrough(jsonLines());
}

function jsonLines(): TransformStream<string, UIMessageChunk> {
  let buffered = "";
  return new TransformStream<string, UIMessageChunk>({
    transform(text, controller) {
      buffered += text;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (line) controller.enqueue(JSON.parse(line) as UIMessageChunk);
    },
  });
}
