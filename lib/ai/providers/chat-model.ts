import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4FinishReason,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
} from "@ai-sdk/provider";
import { LlmError } from "../errors";
import { chatMetadata, type PolicyBlock } from "../metadata";
import type { Backend, BackendCall, BackendEvent } from "./backend-call";
import { CallWatchdog } from "./call-watchdog";
import { promptChars, promptToMessages, unsupportedSettingWarnings } from "./prompt-to-messages";
import type { Timeouts } from "./timeouts";
import { buildUsage, type ReportedUsage } from "./usage";

const TEXT_ID = "text-0";

/** Wraps a Backend as an AI SDK LanguageModelV4: one code path for streaming and non-streaming calls. */
export function createChatModel(backend: Backend, timeouts: Timeouts): LanguageModelV4 {
  async function open(options: LanguageModelV4CallOptions) {
    const warnings = unsupportedSettingWarnings(options);
    const messages = promptToMessages(options.prompt, warnings);
    const watchdog = new CallWatchdog(backend.provider, timeouts, options.abortSignal);
    try {
      const call = await backend.start({ options, messages, watchdog, warnings });
      return { call, watchdog, warnings, inputChars: promptChars(messages) };
    } catch (error) {
      watchdog.dispose();
      throw error;
    }
  }

  return {
    specificationVersion: "v4",
    provider: backend.provider,
    modelId: backend.modelId,
    supportedUrls: {},

    async doStream(options): Promise<LanguageModelV4StreamResult> {
      const { call, watchdog, warnings, inputChars } = await open(options);
      const iterator = call.events[Symbol.asyncIterator]();
      const state = new StreamState(inputChars);
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        start(controller) {
          controller.enqueue({ type: "stream-start", warnings });
        },
        async pull(controller) {
          try {
            const next = await iterator.next();
            if (next.done) {
              watchdog.dispose();
              if (!state.finished) throw missingFinish(backend.provider);
              controller.close();
              return;
            }
            for (const part of state.partsFor(next.value)) controller.enqueue(part);
          } catch (error) {
            watchdog.dispose();
            if (watchdog.userAborted) {
              controller.error(error);
              return;
            }
            controller.enqueue({ type: "error", error });
            for (const part of state.errorFinish()) controller.enqueue(part);
            controller.close();
          }
        },
        async cancel() {
          watchdog.abort();
          await iterator.return?.();
        },
      });
      return { stream, request: { url: call.url, body: call.body }, response: { headers: call.responseHeaders } };
    },

    async doGenerate(options): Promise<LanguageModelV4GenerateResult> {
      const { call, watchdog, warnings, inputChars } = await open(options);
      try {
        return await collect(call, warnings, inputChars, backend.provider);
      } finally {
        watchdog.dispose();
      }
    },
  };
}

class StreamState {
  finished = false;
  private textStarted = false;
  private outputChars = 0;

  constructor(private readonly inputChars: number) {}

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
    const { usage, estimated } = buildUsage(reported, this.inputChars, this.outputChars);
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
  warnings: LanguageModelV4GenerateResult["warnings"],
  inputChars: number,
  provider: string,
): Promise<LanguageModelV4GenerateResult> {
  let text = "";
  let metadata: Extract<BackendEvent, { type: "metadata" }> | undefined;
  let finish: Extract<BackendEvent, { type: "finish" }> | undefined;
  for await (const event of call.events) {
    if (event.type === "text") text += event.text;
    else if (event.type === "metadata") metadata = { ...metadata, ...event };
    else finish = event;
  }
  if (!finish) throw missingFinish(provider);
  const { usage, estimated } = buildUsage(finish.usage, inputChars, text.length);
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
