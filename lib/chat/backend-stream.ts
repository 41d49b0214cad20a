import "server-only";
import { streamText } from "ai";
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

/**
 * The one way an answer is asked of a backend, for the chat and the OpenAI-compatible API alike: the provider from
 * the registry (with the model's timeouts), no retries, errors delivered as stream parts rather than thrown.
 */
export function streamFromBackend({ model, prompt, settings, abortSignal, modelDeps }: BackendStreamInput) {
  const [system, turns] = splitSystem(prompt);
  return streamText({
    model: createLanguageModel(model.config, modelDeps),
    ...(system ? { instructions: system } : {}),
    messages: turns,
    temperature: settings.temperature,
    maxOutputTokens: settings.maxOutputTokens,
    ...(settings.topP !== undefined ? { topP: settings.topP } : {}),
    ...(settings.stopSequences?.length ? { stopSequences: settings.stopSequences } : {}),
    // A retry after a refusal would only hide it; retrying after output started would repeat the answer.
    maxRetries: 0,
    abortSignal,
    onError: () => undefined,
  });
}

function splitSystem(prompt: readonly ChatMessage[]): [string | undefined, Array<{ role: "user" | "assistant"; content: string }>] {
  const system = prompt.filter((message) => message.role === "system").map((message) => message.content);
  const turns = prompt.flatMap((message) => (message.role === "system" ? [] : [{ role: message.role, content: message.content }]));
  return [system.length > 0 ? system.join("\n\n") : undefined, turns];
}
