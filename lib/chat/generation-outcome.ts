import type { FinishReason, LanguageModelUsage } from "ai";
import { LlmError } from "@/lib/ai/errors";
import { readChatMetadata } from "@/lib/ai/metadata";
import { estimateTokens } from "@/lib/ai/providers/usage";
import type { AssistantOutcome } from "@/lib/db/messages";
import type { BackendPart } from "./backend-stream";

export const GENERIC_ANSWER_ERROR = "Something went wrong while answering. Please try again.";

/** What the runner saw of one backend call. */
export interface StreamObservation {
  text: string;
  /** The backend accepted the request (it answered with a status). */
  accepted: boolean;
  /** Stopped by the user. */
  aborted: boolean;
  error: unknown;
  finishReason: FinishReason | undefined;
  usage: LanguageModelUsage | undefined;
  providerMetadata: unknown;
  promptChars: number;
  /** The whole prompt's tokens as counted when it was built (template and system prompt included). */
  promptTokens?: number;
  startedAt: number;
  firstTokenAt: number | undefined;
  endedAt: number;
}

/**
 * Records one part of the backend call in the observation (all but the text itself, which the reader adds as it
 * shows it: privacy placeholders are restored first) and returns the part's text, "" for parts without.
 */
export function noteBackendPart(observation: StreamObservation, part: BackendPart): string {
  switch (part.type) {
    case "accepted":
      observation.accepted = true;
      return "";
    case "text":
      observation.firstTokenAt ??= Date.now();
      return part.text;
    case "finish":
      observation.finishReason = part.finishReason;
      observation.usage = part.usage;
      observation.providerMetadata = part.providerMetadata;
      return "";
    case "error":
      observation.error ??= part.error;
      return "";
    case "abort":
      observation.aborted = true;
      return "";
  }
}

/** The one text about a failure the user may see: an LlmError's fixed text, never an upstream body. */
export function userSafeError(error: unknown): string {
  return LlmError.isInstance(error) ? error.userMessage : GENERIC_ANSWER_ERROR;
}

/** How an answer is stored: stopped, error (partial text kept), a policy block (complete), or complete. */
export function outcomeOf(observation: StreamObservation): AssistantOutcome {
  const chat = readChatMetadata(observation.providerMetadata);
  const policyBlock =
    chat?.policyBlock || observation.finishReason === "content-filter" ? { categories: [...(chat?.policyBlock?.categories ?? [])] } : undefined;
  const failed = observation.error !== undefined && !observation.aborted;
  const status = observation.aborted ? "stopped" : failed ? "error" : "complete";
  return {
    status,
    text: observation.text,
    finishReason: observation.finishReason ?? (failed ? "error" : null),
    error: failed ? userSafeError(observation.error) : null,
    usage: usageOf(observation, chat?.usageEstimated ?? true),
    metadata: {
      timings: {
        ...(observation.firstTokenAt !== undefined ? { firstTokenMs: observation.firstTokenAt - observation.startedAt } : {}),
        totalMs: observation.endedAt - observation.startedAt,
      },
      ...(policyBlock && !failed ? { policyBlock } : {}),
      ...(failed && LlmError.isInstance(observation.error) && observation.error.code === "context_too_long" ? { tooLong: true } : {}),
    },
  };
}

/**
 * The backend's counts when it reported them; else chars/4 estimates, flagged. A request the backend never
 * accepted (refused, unreachable) used nothing: no usage.
 */
function usageOf(observation: StreamObservation, reportedEstimated: boolean): AssistantOutcome["usage"] {
  if (!observation.accepted) return null;
  const input = observation.usage?.inputTokens;
  const output = observation.usage?.outputTokens;
  if (input !== undefined && output !== undefined) return { inputTokens: input, outputTokens: output, estimated: reportedEstimated };
  return {
    inputTokens: input ?? observation.promptTokens ?? estimateTokens(observation.promptChars),
    outputTokens: output ?? estimateTokens(observation.text.length),
    estimated: true,
  };
}
