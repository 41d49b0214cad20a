import "server-only";
import type { LanguageModelV4Prompt, LanguageModelV4StreamPart, LanguageModelV4Usage } from "@ai-sdk/provider";
import type { FinishReason, LanguageModelUsage, ProviderMetadata } from "ai";
import type { ChatMessage } from "@/lib/ai/chat-message";
import { createLanguageModel, type LanguageModelDeps } from "@/lib/ai/registry";
import type { ChatModel } from "@/lib/models/chat-models";
import type { GenerationSettings } from "./generation-settings";

export interface BackendStreamInput {
  model: ChatModel;
  /** System prompt (if any) first, then the turns. */
  prompt: readonly ChatMessage[];
  settings: GenerationSettings & { topP?: number; stopSequences?: string[] };
  abortSignal: AbortSignal;
  modelDeps?: LanguageModelDeps;
}

/** What a backend call delivers, in order: accepted (it answered with a status), text, then finish; or error / abort. */
export type BackendPart =
  | { type: "accepted" }
  | { type: "text"; text: string }
  | { type: "finish"; finishReason: FinishReason; usage: LanguageModelUsage; providerMetadata: ProviderMetadata | undefined }
  | { type: "error"; error: unknown }
  | { type: "abort" };

/**
 * The one way an answer is asked of a backend, for the chat and the OpenAI-compatible API alike: the provider from
 * the registry (with the model's timeouts and its own retries before the first token), errors delivered as parts
 * rather than thrown. Stopping the iteration early cancels the call.
 *
 * The provider's stream is read directly instead of through the AI SDK's streamText: its steps, callbacks and replay
 * buffers give a one-step text answer nothing and cost about 7 ms of CPU per 200-token answer, a quarter of the
 * server's CPU under load (README: Load).
 */
export async function* streamFromBackend({ model, prompt, settings, abortSignal, modelDeps }: BackendStreamInput): AsyncGenerator<BackendPart> {
  let reader: ReadableStreamDefaultReader<LanguageModelV4StreamPart> | undefined;
  try {
    const { stream } = await createLanguageModel(model.config, modelDeps).doStream({
      prompt: modelPrompt(prompt),
      temperature: settings.temperature,
      maxOutputTokens: settings.maxOutputTokens,
      topP: settings.topP,
      stopSequences: settings.stopSequences?.length ? settings.stopSequences : undefined,
      abortSignal,
    });
    yield { type: "accepted" };
    reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const part = backendPart(value);
      if (part) yield part;
    }
  } catch (error) {
    // Thrown rather than streamed: a refusal before the answer, a model config that does not validate, or a stop.
    yield abortSignal.aborted ? { type: "abort" } : { type: "error", error };
  } finally {
    // Only does something when the reader left early: the provider then aborts its backend call.
    reader?.cancel().catch(() => undefined);
  }
}

function backendPart(part: LanguageModelV4StreamPart): BackendPart | null {
  switch (part.type) {
    case "text-delta":
      return part.delta === "" ? null : { type: "text", text: part.delta };
    case "finish":
      return { type: "finish", finishReason: part.finishReason.unified, usage: languageModelUsage(part.usage), providerMetadata: part.providerMetadata };
    case "error":
      return { type: "error", error: part.error };
    default:
      return null;
  }
}

/** The prompt as the provider takes it: the system messages joined into one, first; then the turns as text. */
function modelPrompt(prompt: readonly ChatMessage[]): LanguageModelV4Prompt {
  const system = prompt.filter((message) => message.role === "system").map((message) => message.content);
  const turns: LanguageModelV4Prompt = prompt.flatMap((message) =>
    message.role === "system" ? [] : [{ role: message.role, content: [{ type: "text" as const, text: message.content }] }],
  );
  return system.length > 0 ? [{ role: "system", content: system.join("\n\n") }, ...turns] : turns;
}

/** The provider's usage in the AI SDK's shape, as streamText reports it. */
function languageModelUsage(usage: LanguageModelV4Usage): LanguageModelUsage {
  const { inputTokens, outputTokens } = usage;
  return {
    inputTokens: inputTokens.total,
    inputTokenDetails: { noCacheTokens: inputTokens.noCache, cacheReadTokens: inputTokens.cacheRead, cacheWriteTokens: inputTokens.cacheWrite },
    outputTokens: outputTokens.total,
    outputTokenDetails: { textTokens: outputTokens.text, reasoningTokens: outputTokens.reasoning },
    totalTokens: inputTokens.total === undefined && outputTokens.total === undefined ? undefined : (inputTokens.total ?? 0) + (outputTokens.total ?? 0),
    raw: usage.raw,
  };
}
