import "server-only";
import { LlmError } from "@/lib/ai/errors";
import { generationSettingsFor } from "@/lib/chat/generation-settings";
import { checkPromptPrivacy } from "@/lib/chat/privacy-guard";
import { recordUsage } from "@/lib/db/usage";
import type { ChatModel } from "@/lib/models/chat-models";
import { BackendRun } from "@/lib/openai-api/backend-run";
import type { EvalTurn } from "./eval-item";

export interface ModelCall {
  /** Aborted by a cancel: nothing to store. */
  aborted: boolean;
  text: string;
  /** The backend failed: its error for the admin (never an upstream body or a secret). */
  error: string | null;
  ttftMs: number | null;
  totalMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number;
}

/**
 * One prompt to one model without a conversation, through the same backend layer as the chat and /v1 (BackendRun:
 * registry, timeouts, usage reported or estimated); the usage is recorded for the run's admin, marked with the run.
 */
export async function callModel(input: {
  model: ChatModel;
  prompt: readonly EvalTurn[];
  temperature: number | null;
  maxOutputTokens: number | null;
  userId: string;
  evalRunId: string;
  signal: AbortSignal;
}): Promise<ModelCall> {
  const startedAt = Date.now();
  const settings = generationSettingsFor(input.model, {
    temperature: input.temperature ?? undefined,
    maxOutputTokens: input.maxOutputTokens ?? undefined,
  });
  const prompt = input.prompt.map((turn) => ({ role: turn.role, content: turn.content }));
  // The privacy guard as for every prompt that leaves: a run has nobody to confirm a warning, so an item that would
  // need one is not sent either, and is recorded as an error that says why.
  const privacy = await checkPromptPrivacy({ userId: input.userId, model: input.model, prompt, surface: "evaluation" });
  if (!privacy.ok) return notSent(`Not sent by the privacy guard: ${privacy.refusal.message}`, startedAt);
  const run = new BackendRun({
    model: input.model,
    prompt: privacy.sendable.prompt,
    settings,
    startedAt,
    clientSignal: input.signal,
    privacyTable: privacy.sendable.table,
  });
  await privacy.sendable.recordSent();
  for await (const _ of run.deltas()) {
    // The whole answer is collected in the observation.
  }
  const outcome = run.outcome();
  const { observation } = run;
  const costUsd = outcome.usage
    ? await recordUsage({
        userId: input.userId,
        modelId: input.model.id,
        inputTokens: outcome.usage.inputTokens,
        outputTokens: outcome.usage.outputTokens,
        estimated: outcome.usage.estimated,
        latencyMs: observation.endedAt - startedAt,
        evalRunId: input.evalRunId,
      })
    : 0;
  const failed = outcome.status === "error";
  return {
    aborted: outcome.status === "stopped",
    text: outcome.text,
    error: failed ? (LlmError.isInstance(observation.error) ? observation.error.adminMessage : (outcome.error ?? "the backend failed")) : null,
    ttftMs: observation.firstTokenAt === undefined ? null : observation.firstTokenAt - startedAt,
    totalMs: observation.endedAt - startedAt,
    inputTokens: outcome.usage?.inputTokens ?? null,
    outputTokens: outcome.usage?.outputTokens ?? null,
    costUsd,
  };
}

function notSent(error: string, startedAt: number): ModelCall {
  return { aborted: false, text: "", error, ttftMs: null, totalMs: Date.now() - startedAt, inputTokens: null, outputTokens: null, costUsd: 0 };
}
