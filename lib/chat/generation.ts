import "server-only";
import type { FinishReason } from "ai";
import type { ChatMessage } from "@/lib/ai/chat-message";
import { LlmError } from "@/lib/ai/errors";
import type { LanguageModelDeps } from "@/lib/ai/registry";
import type { AssistantOutcome } from "@/lib/db/messages";
import { getEnv } from "@/lib/env";
import type { ChatModel } from "@/lib/models/chat-models";
import type { PlaceholderTable } from "@/lib/privacy/placeholders";
import { errorFields, log } from "@/lib/server/log";
import { recordAnswer } from "@/lib/server/metrics";
import { runAfterAnswer } from "./after-answer";
import { AnswerLimits, type LimitReached } from "./answer-limits";
import { type FinalSaveTuning, saveFinalAnswer } from "./final-save";
import { outcomeOf, type StreamObservation } from "./generation-outcome";
import { type ActiveGeneration, assignMessage, releaseGeneration } from "./generation-registry";
import { type GenerationSettings, maxOutputTokensLimit } from "./generation-settings";
import { observeStream } from "./generation-stream";
import { relayAnswer } from "./live-relay";
import { partialSavesEvery } from "./partial-saves";
import type { ChatMessageMetadata } from "./types";

export interface GenerationTuning {
  /** Longest gap between two saves of the text while it streams. */
  saveIntervalMs: number;
  /** For tests: a custom fetch or Entra token source for the backend. */
  modelDeps?: LanguageModelDeps;
  /** For tests: the wall-clock cap of one answer (else ANSWER_MAX_SECONDS). */
  answerMaxMs?: number;
  /** For tests: how the final save retries while the database refuses (else final-save.ts's defaults). */
  finalSave?: FinalSaveTuning;
}

// Saves every 300 ms (every answer of the instance in one statement, partial-saves.ts): a crash loses at most that
// much text, and a Stop from another instance (seen at the next save) arrives within a second. A longer interval (1 s) was tried for fewer writes under load, but not measured to pay
// and it made cross-instance Stop slower than README promises; bench:server can decide it on a quiet machine.
export const DEFAULT_TUNING: GenerationTuning = { saveIntervalMs: 300 };

export interface GenerationRequest {
  userId: string;
  conversationId: string;
  assistantMessage: { id: string; createdAt: Date };
  model: ChatModel;
  /** System prompt (if any) first, then the turns; see buildPrompt. As it goes out: after the privacy guard. */
  prompt: ChatMessage[];
  /** The placeholders the privacy guard put in the prompt: the answer is shown and stored with the originals back. */
  privacyTable?: PlaceholderTable | null;
  /** The prompt's tokens by the model's tokenizer (see buildModelPrompt): the input usage when the backend reports none. */
  promptTokens?: number;
  /** Temperature and answer length sent to the backend (see generationSettingsFor); else the model's defaults. */
  settings?: GenerationSettings;
  /** When the request arrived: timings count from here. */
  startedAt: number;
  /** Runs after a complete answer was stored and its stream has closed (the new chat's title); see after-answer.ts. */
  afterComplete?: () => Promise<unknown>;
}

/** Settles once the backend accepted the request, or failed before that (with the error), or was stopped. */
export type Acceptance = { accepted: true } | { accepted: false; error: unknown };

/**
 * Writes one answer, independent of any HTTP request: the chunks go to the generation's log (which any number of
 * clients follow, and which survives them leaving), the text to the database as it grows, and the outcome to the
 * message row and a usage record at the end. Never rejects: every failure ends as a stored status.
 */
export function startGeneration(generation: ActiveGeneration, request: GenerationRequest, tuning: GenerationTuning = DEFAULT_TUNING): Promise<Acceptance> {
  assignMessage(generation, request.assistantMessage.id);
  relayAnswer(generation);
  let settle: (acceptance: Acceptance) => void = () => {};
  const acceptance = new Promise<Acceptance>((resolve) => {
    settle = resolve;
  });
  void run(generation, request, tuning, (value) => settle(value)).catch((error: unknown) => {
    log.error({ area: "chat", conversationId: request.conversationId, modelId: request.model.id, ...errorFields(error) }, "generation crashed");
    settle({ accepted: false, error });
    generation.chunks.close();
    releaseGeneration(generation);
  });
  return acceptance;
}

async function run(
  generation: ActiveGeneration,
  request: GenerationRequest,
  tuning: GenerationTuning,
  settle: (acceptance: Acceptance) => void,
): Promise<void> {
  const { chunks } = generation;
  const baseMetadata: ChatMessageMetadata = { createdAt: request.assistantMessage.createdAt.toISOString(), modelId: request.model.id };
  chunks.push({ type: "start", messageId: request.assistantMessage.id, messageMetadata: { ...baseMetadata, status: "streaming" } });

  // Not streaming any more in the database although we are: a user pressed Stop on another instance.
  const writer = partialSavesEvery(tuning.saveIntervalMs).track(request.assistantMessage.id, () => generation.abortController.abort());
  const limits = new AnswerLimits(
    request.settings?.maxOutputTokens ?? maxOutputTokensLimit(request.model),
    tuning.answerMaxMs ?? getEnv().ANSWER_MAX_SECONDS * 1000,
    generation.abortController,
  );
  const observation = await observeStream({
    generation,
    request,
    modelDeps: tuning.modelDeps,
    writer,
    onAccepted: () => settle({ accepted: true }),
    onText: (delta) => limits.count(delta),
  });
  limits.dispose();
  await writer.stop();
  settle(observation.accepted || observation.aborted ? { accepted: true } : { accepted: false, error: observation.error });

  const outcome = withLimit(outcomeOf(observation), limits.reached);
  recordAnswer(request.model.id, observation, outcome);
  if (outcome.status === "error") {
    const detail = LlmError.isInstance(observation.error) ? observation.error.adminMessage : describe(observation.error);
    log.error({ area: "chat", conversationId: request.conversationId, modelId: request.model.id, reason: detail }, "answer failed");
  }
  await store(request, outcome, observation, tuning);
  releaseGeneration(generation);

  const finalMetadata = metadataOf(baseMetadata, outcome);
  // The metadata first: the browser stops reading at an error chunk (and the metadata says e.g. "too long").
  chunks.push({ type: "message-metadata", messageMetadata: finalMetadata });
  if (outcome.status === "error" && outcome.error) chunks.push({ type: "error", errorText: outcome.error });
  chunks.push({ type: "finish", finishReason: uiFinishReason(observation, outcome), messageMetadata: finalMetadata });
  chunks.close();
  // After the close, so the answer's stream ends with it; the browser re-reads the conversation list for the title.
  if (outcome.status === "complete" && request.afterComplete) await runAfterAnswer(request.conversationId, request.afterComplete);
}

/** The final outcome and usage record; retried in the background while the database refuses (final-save.ts). */
async function store(request: GenerationRequest, outcome: AssistantOutcome, observation: StreamObservation, tuning: GenerationTuning): Promise<void> {
  const usage = outcome.usage && {
    userId: request.userId,
    modelId: request.model.id,
    conversationId: request.conversationId,
    messageId: request.assistantMessage.id,
    inputTokens: outcome.usage.inputTokens,
    outputTokens: outcome.usage.outputTokens,
    estimated: outcome.usage.estimated,
    latencyMs: observation.endedAt - observation.startedAt,
    prices: request.model.prices,
  };
  await saveFinalAnswer({ messageId: request.assistantMessage.id, conversationId: request.conversationId, outcome, usage }, tuning.finalSave);
}

/** An answer cut by its length or time cap: stopped, with the text so far and the reason recorded. */
function withLimit(outcome: AssistantOutcome, reached: LimitReached | null): AssistantOutcome {
  if (!reached || outcome.status !== "stopped") return outcome;
  return { ...outcome, finishReason: "length", metadata: { ...outcome.metadata, lengthLimit: reached } };
}

function metadataOf(base: ChatMessageMetadata, outcome: AssistantOutcome): ChatMessageMetadata {
  return {
    ...base,
    status: outcome.status,
    error: outcome.error,
    policyBlock: outcome.metadata.policyBlock ?? null,
    usage: outcome.usage,
    timings: outcome.metadata.timings ?? null,
    lengthLimit: outcome.metadata.lengthLimit ? true : null,
    tooLong: outcome.metadata.tooLong ? true : null,
  };
}

function uiFinishReason(observation: StreamObservation, outcome: AssistantOutcome): FinishReason | undefined {
  if (outcome.status === "error") return "error";
  return observation.finishReason;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
