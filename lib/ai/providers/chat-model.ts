import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4FinishReason,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  SharedV4Warning,
} from "@ai-sdk/provider";
import type { ChatMessage } from "../chat-message";
import { LlmError } from "../errors";
import { chatMetadata, type PolicyBlock } from "../metadata";
import type { Backend, BackendCall, BackendEvent } from "./backend-call";
import { CallWatchdog } from "./call-watchdog";
import { promptChars, promptToMessages, unsupportedSettingWarnings } from "./prompt-to-messages";
import type { Timeouts } from "./timeouts";
import { buildUsage, type ReportedUsage } from "./usage";

const TEXT_ID = "text-0";

/** An opened backend call with the watchdog that owns it and the messages it was sent. */
interface OpenedCall {
  call: BackendCall;
  watchdog: CallWatchdog;
  inputChars: number;
}

/** A retry before the first token, told as it starts: the chat shows "busy, retrying" instead of a silent wait. */
export interface BackendRetry {
  reason: "overloaded" | "context_too_long";
  /** 1 for the first retry of this reason. */
  attempt: number;
  /** How long the call waits before it is sent again. */
  delayMs: number;
}

export type RetryListener = (retry: BackendRetry) => void;

/** Wraps a Backend as an AI SDK LanguageModelV4: one code path for streaming and non-streaming calls. */
export function createChatModel(backend: Backend, timeouts: Timeouts, onRetry?: RetryListener): LanguageModelV4 {
  async function openOnce(options: LanguageModelV4CallOptions, messages: ChatMessage[], warnings: SharedV4Warning[]): Promise<OpenedCall> {
    const watchdog = new CallWatchdog(backend.provider, timeouts, options.abortSignal);
    try {
      const call = await backend.start({ options, messages, watchdog, warnings });
      return { call, watchdog, inputChars: promptChars(messages) };
    } catch (error) {
      watchdog.dispose();
      throw error;
    }
  }

  /** Opens the call, retrying what the plan allows when the backend refuses before answering. */
  async function open(options: LanguageModelV4CallOptions, plan: RetryPlan, warnings: SharedV4Warning[]): Promise<OpenedCall> {
    for (;;) {
      try {
        return await openOnce(options, plan.messages, warnings);
      } catch (error) {
        if (!(await plan.retryAfter(error, options.abortSignal))) throw error;
      }
    }
  }

  /**
   * The events of the call; an overload or context error that arrives in the stream before any text (real TGI sends
   * both that way, with HTTP 200) reopens the call as the plan allows, so the reader sees one answer.
   */
  async function* events(options: LanguageModelV4CallOptions, plan: RetryPlan, warnings: SharedV4Warning[], session: { current: OpenedCall }) {
    for (;;) {
      let textSeen = false;
      try {
        for await (const event of session.current.call.events) {
          if (event.type === "text" && event.text !== "") textSeen = true;
          yield event;
        }
        return;
      } catch (error) {
        session.current.watchdog.dispose();
        if (textSeen || session.current.watchdog.userAborted || !(await plan.retryAfter(error, options.abortSignal))) throw error;
        session.current = await open(options, plan, warnings);
      }
    }
  }

  function prepare(options: LanguageModelV4CallOptions) {
    const warnings = unsupportedSettingWarnings(options);
    const plan = new RetryPlan(promptToMessages(options.prompt, warnings), timeouts.overloadedRetryMs, onRetry);
    return { warnings, plan };
  }

  return {
    specificationVersion: "v4",
    provider: backend.provider,
    modelId: backend.modelId,
    supportedUrls: {},

    async doStream(options): Promise<LanguageModelV4StreamResult> {
      const { warnings, plan } = prepare(options);
      const first = await open(options, plan, warnings);
      const session = { current: first };
      const iterator = events(options, plan, warnings, session)[Symbol.asyncIterator]();
      const state = new StreamState(() => session.current.inputChars);
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        start(controller) {
          controller.enqueue({ type: "stream-start", warnings });
        },
        async pull(controller) {
          try {
            const next = await iterator.next();
            if (next.done) {
              session.current.watchdog.dispose();
              if (!state.finished) throw missingFinish(backend.provider);
              controller.close();
              return;
            }
            for (const part of state.partsFor(next.value)) controller.enqueue(part);
          } catch (error) {
            session.current.watchdog.dispose();
            if (session.current.watchdog.userAborted) {
              controller.error(error);
              return;
            }
            controller.enqueue({ type: "error", error });
            for (const part of state.errorFinish()) controller.enqueue(part);
            controller.close();
          }
        },
        async cancel() {
          session.current.watchdog.abort();
          await iterator.return?.();
        },
      });
      return { stream, request: { url: first.call.url, body: first.call.body }, response: { headers: first.call.responseHeaders } };
    },

    async doGenerate(options): Promise<LanguageModelV4GenerateResult> {
      const { warnings, plan } = prepare(options);
      const first = await open(options, plan, warnings);
      const session = { current: first };
      try {
        return await collect(first.call, events(options, plan, warnings, session), warnings, () => session.current.inputChars, backend.provider);
      } finally {
        session.current.watchdog.dispose();
      }
    },
  };
}

/** Share of the prompt kept when a context error names no sizes. */
const BLIND_TRIM_SHARE = 0.5;
/** Aim this far under the limit a context error names: the count behind the cut is an estimate. */
const TRIM_MARGIN = 0.85;

/**
 * The retries of one call, all before its first token (never after: that would repeat the answer). An overloaded
 * backend is asked again after each backoff delay; a prompt the backend finds too long is trimmed once more (the
 * oldest exchanges go, in proportion to what the backend said, or half when it said nothing) and sent once more.
 */
class RetryPlan {
  private overloadedRetries = 0;
  private trimmed = false;

  constructor(
    public messages: ChatMessage[],
    private readonly overloadedDelaysMs: readonly number[],
    private readonly onRetry: RetryListener | undefined,
  ) {}

  /** Whether to try again (after waiting when needed); false leaves the error as the outcome. */
  async retryAfter(error: unknown, signal: AbortSignal | undefined): Promise<boolean> {
    if (!LlmError.isInstance(error) || signal?.aborted) return false;
    if (error.code === "overloaded") {
      const delay = this.overloadedDelaysMs[this.overloadedRetries];
      if (delay === undefined) return false;
      this.overloadedRetries += 1;
      this.onRetry?.({ reason: "overloaded", attempt: this.overloadedRetries, delayMs: delay });
      return sleep(delay, signal);
    }
    if (error.code === "context_too_long" && !this.trimmed) {
      this.trimmed = true;
      const limit = error.contextLimit;
      const share =
        limit?.promptTokens && limit.maxPromptTokens !== undefined ? Math.min(1, (limit.maxPromptTokens / limit.promptTokens) * TRIM_MARGIN) : BLIND_TRIM_SHARE;
      const trimmed = trimOldestTurns(this.messages, share);
      if (trimmed.length === this.messages.length) return false;
      this.messages = trimmed;
      this.onRetry?.({ reason: "context_too_long", attempt: 1, delayMs: 0 });
      return true;
    }
    return false;
  }
}

/**
 * Drops whole exchanges, oldest first, until the turns' text is at most `share` of what it was; the system messages
 * and the newest question always stay, and the turns still start with a user message.
 */
export function trimOldestTurns(messages: readonly ChatMessage[], share: number): ChatMessage[] {
  const system = messages.filter((message) => message.role === "system");
  const turns = messages.filter((message) => message.role !== "system");
  const target = promptChars(messages) * share;
  let start = 0;
  while (start < turns.length - 1 && promptChars([...system, ...turns.slice(start)]) > target) {
    start += 1;
    while (start < turns.length - 1 && turns[start]?.role !== "user") start += 1;
  }
  return [...system, ...turns.slice(start)];
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

class StreamState {
  finished = false;
  private textStarted = false;
  private outputChars = 0;

  constructor(private readonly inputChars: () => number) {}

  partsFor(event: BackendEvent): LanguageModelV4StreamPart[] {
    switch (event.type) {
      case "metadata":
        return [{ type: "response-metadata", id: event.id, modelId: event.modelId, timestamp: event.timestamp }];
      case "text": {
        if (event.text === "") return [];
        this.outputChars += event.text.length;
        const parts: LanguageModelV4StreamPart[] = [];
        if (!this.textStarted) {
          this.textStarted = true;
          parts.push({ type: "text-start", id: TEXT_ID });
        }
        parts.push({ type: "text-delta", id: TEXT_ID, delta: event.text });
        return parts;
      }
      case "finish":
        return this.finish(event.finishReason, event.usage, event.policyBlock);
    }
  }

  errorFinish(): LanguageModelV4StreamPart[] {
    return this.finished ? [] : this.finish({ unified: "error", raw: undefined }, undefined, undefined);
  }

  private finish(
    finishReason: LanguageModelV4FinishReason,
    reported: ReportedUsage | undefined,
    policyBlock: PolicyBlock | undefined,
  ): LanguageModelV4StreamPart[] {
    this.finished = true;
    const parts: LanguageModelV4StreamPart[] = [];
    if (this.textStarted) parts.push({ type: "text-end", id: TEXT_ID });
    const { usage, estimated } = buildUsage(reported, this.inputChars(), this.outputChars);
    parts.push({
      type: "finish",
      finishReason,
      usage,
      providerMetadata: chatMetadata({ usageEstimated: estimated, policyBlock }),
    });
    return parts;
  }
}

async function collect(
  call: BackendCall,
  events: AsyncIterable<BackendEvent>,
  warnings: LanguageModelV4GenerateResult["warnings"],
  inputChars: () => number,
  provider: string,
): Promise<LanguageModelV4GenerateResult> {
  let text = "";
  let metadata: Extract<BackendEvent, { type: "metadata" }> | undefined;
  let finish: Extract<BackendEvent, { type: "finish" }> | undefined;
  for await (const event of events) {
    if (event.type === "text") text += event.text;
    else if (event.type === "metadata") metadata = { ...metadata, ...event };
    else finish = event;
  }
  if (!finish) throw missingFinish(provider);
  const { usage, estimated } = buildUsage(finish.usage, inputChars(), text.length);
  return {
    content: text === "" ? [] : [{ type: "text", text }],
    finishReason: finish.finishReason,
    usage,
    providerMetadata: chatMetadata({ usageEstimated: estimated, policyBlock: finish.policyBlock }),
    request: { url: call.url, body: call.body },
    response: { id: metadata?.id, modelId: metadata?.modelId, timestamp: metadata?.timestamp, headers: call.responseHeaders },
    warnings,
  };
}

function missingFinish(provider: string): LlmError {
  return new LlmError({ code: "stream_error", provider, adminMessage: "stream ended before the backend signalled completion" });
}
