import type { LanguageModelV4 } from "@ai-sdk/provider";
import { type FinishReason, type LanguageModelUsage, type ModelMessage, type ProviderMetadata, streamText } from "ai";
import { type ChatMetadata, readChatMetadata } from "@/lib/ai/metadata";

export interface StreamRun {
  deltas: string[];
  text: string;
  errors: unknown[];
  aborted: boolean;
  finishReason: FinishReason | undefined;
  rawFinishReason: string | undefined;
  usage: LanguageModelUsage | undefined;
  providerMetadata: ProviderMetadata | undefined;
  chat: ChatMetadata | undefined;
}

export interface StreamInput {
  system?: string;
  prompt?: string;
  messages?: ModelMessage[];
  abortSignal?: AbortSignal;
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
  /** Called with each text delta (e.g. to abort after the first one). */
  onDelta?: (delta: string) => void;
}

/** Runs streamText from `ai` against a model and records what a chat route would see. */
export async function runStream(model: LanguageModelV4, input: StreamInput): Promise<StreamRun> {
  const { onDelta, ...options } = input;
  const result = streamText({
    model,
    ...(options as { prompt: string }),
    maxRetries: 0,
    onError: () => undefined,
  });
  const run: StreamRun = {
    deltas: [],
    text: "",
    errors: [],
    aborted: false,
    finishReason: undefined,
    rawFinishReason: undefined,
    usage: undefined,
    providerMetadata: undefined,
    chat: undefined,
  };
  for await (const part of result.fullStream) {
    if (part.type === "text-delta") {
      run.deltas.push(part.text);
      onDelta?.(part.text);
    } else if (part.type === "error") run.errors.push(part.error);
    else if (part.type === "abort") run.aborted = true;
    else if (part.type === "finish-step") run.providerMetadata = part.providerMetadata;
    else if (part.type === "finish") {
      run.finishReason = part.finishReason;
      run.rawFinishReason = part.rawFinishReason;
      run.usage = part.totalUsage;
    }
  }
  run.text = run.deltas.join("");
  run.chat = readChatMetadata(run.providerMetadata);
  return run;
}
