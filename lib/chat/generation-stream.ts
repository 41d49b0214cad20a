import "server-only";
import type { LanguageModelDeps } from "@/lib/ai/registry";
import { createStreamingRestorer } from "@/lib/privacy/restore";
import { streamFromBackend } from "./backend-stream";
import { type ChatRetryData, RETRY_DATA_PART } from "./data-parts";
import type { GenerationRequest } from "./generation";
import { noteBackendPart, type StreamObservation } from "./generation-outcome";
import type { ActiveGeneration } from "./generation-registry";
import { generationSettingsFor } from "./generation-settings";
import type { PartialTextSaver } from "./partial-saves";

const TEXT_PART_ID = "text-1";

interface ObserveInput {
  generation: ActiveGeneration;
  request: GenerationRequest;
  modelDeps?: LanguageModelDeps;
  writer: PartialTextSaver;
  /**
   * The answer is under way: the backend accepted the request (it answered with a status; text may follow), or it
   * is being asked again after refusing (the user sees that as it happens, so the response must not wait).
   */
  onAccepted: () => void;
  /** Each piece of text as it arrives (the answer's length cap counts them). */
  onText?: (delta: string) => void;
}

/**
 * Runs the backend call and passes its text on as UI message chunks (one text part) and to the partial saves;
 * returns what happened. Never throws. Placeholders the privacy guard put in the prompt are mapped back as the text
 * arrives (one split across chunks is held until complete), so the user and the database only see the originals.
 */
export async function observeStream({ generation, request, modelDeps, writer, onAccepted, onText }: ObserveInput): Promise<StreamObservation> {
  const { chunks } = generation;
  const signal = generation.abortController.signal;
  const observation: StreamObservation = {
    text: "",
    accepted: false,
    aborted: false,
    error: undefined,
    finishReason: undefined,
    usage: undefined,
    providerMetadata: undefined,
    promptChars: request.prompt.reduce((sum, message) => sum + message.content.length, 0),
    promptTokens: request.promptTokens,
    startedAt: request.startedAt,
    firstTokenAt: undefined,
    endedAt: request.startedAt,
  };
  let textStarted = false;
  const restorer = request.privacyTable ? createStreamingRestorer(request.privacyTable) : null;
  const show = (text: string) => {
    if (text === "") return;
    if (!textStarted) {
      textStarted = true;
      chunks.push({ type: "text-start", id: TEXT_PART_ID });
    }
    observation.text += text;
    chunks.push({ type: "text-delta", id: TEXT_PART_ID, delta: text });
    writer.update(observation.text);
  };
  try {
    const settings = request.settings ?? generationSettingsFor(request.model, {});
    // A retry is news for the user: the response starts streaming now (with the notice), not once the backend answers.
    const onRetry = (retry: ChatRetryData) => {
      chunks.push({ type: RETRY_DATA_PART, id: "retry", data: retry });
      onAccepted();
    };
    const parts = streamFromBackend({ model: request.model, prompt: request.prompt, settings, abortSignal: signal, modelDeps: { ...modelDeps, onRetry } });
    for await (const part of parts) {
      const text = noteBackendPart(observation, part);
      if (part.type === "accepted") onAccepted();
      if (text === "") continue;
      show(restorer ? restorer.push(text) : text);
      onText?.(text);
    }
  } catch (error) {
    // Not a backend outcome (those arrive as parts): a bug in handling one.
    if (signal.aborted) observation.aborted = true;
    else observation.error ??= error;
  }
  if (restorer) show(restorer.flush());
  // A stop that came after the backend's finish changes nothing.
  if (signal.aborted && observation.finishReason === undefined) observation.aborted = true;
  if (textStarted) chunks.push({ type: "text-end", id: TEXT_PART_ID });
  observation.endedAt = Date.now();
  return observation;
}
