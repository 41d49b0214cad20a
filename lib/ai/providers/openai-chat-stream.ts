import type { LanguageModelV4FinishReason } from "@ai-sdk/provider";
import type { BackendResponse } from "../backend-transport";
import { LlmError } from "../errors";
import type { BackendEvent } from "./backend-call";
import { readSseEvents } from "./body-events";
import type { CallWatchdog } from "./call-watchdog";
import { mapFinishReason } from "./finish-reason";
import { type ErrorContext, streamError } from "./http-errors";
import type { SseEvent } from "./sse-parser";
import { isRecord } from "./upstream-error-body";
import type { ReportedUsage } from "./usage";

/**
 * Reads an OpenAI-style chat-completions SSE stream as Azure, vLLM, llama.cpp, TGI's Messages API and Jamba send it:
 * chunks with empty or missing `choices` (Azure's prompt-filter chunk, usage chunks, async filter annotations),
 * role-only deltas, usage on the finish chunk or on a later one, `data: [DONE]` or `data:[DONE]`,
 * and mid-stream errors as `data: {"error":…}` or llama.cpp's non-SSE `error: {…}` line.
 */
export async function* readOpenAiChatStream(response: BackendResponse, watchdog: CallWatchdog, errors: ErrorContext): AsyncGenerator<BackendEvent> {
  const state = new ChunkState();
  for await (const event of readSseEvents(response, watchdog, errors.provider)) {
    yield* state.handle(event, watchdog, errors);
    if (state.done) break;
  }
  yield state.finish(errors.provider);
}

class ChunkState {
  done = false;
  private metadataSent = false;
  private textStarted = false;
  private finishReason: LanguageModelV4FinishReason | undefined;
  private usage: ReportedUsage | undefined;
  private timingsUsage: ReportedUsage | undefined;
  private filtered = new Set<string>();

  *handle(event: SseEvent, watchdog: CallWatchdog, errors: ErrorContext): Generator<BackendEvent> {
    const errorLine = event.extra.error;
    if (errorLine !== undefined) throw streamError(errors, parseLoose(errorLine));
    if (event.data === undefined) return;
    if (event.data.trim() === "[DONE]") {
      this.done = true;
      return;
    }
    const chunk = parseLoose(event.data);
    if (!isRecord(chunk)) throw streamError(errors, { error: "unparseable stream chunk" });
    if (chunk.error !== undefined && chunk.error !== null) throw streamError(errors, chunk);
    if (chunk.object === "error") throw streamError(errors, chunk);
    watchdog.activity();

    if (!this.metadataSent && typeof chunk.id === "string" && chunk.id !== "" && chunk.object !== "") {
      this.metadataSent = true;
      yield {
        type: "metadata",
        id: chunk.id,
        modelId: typeof chunk.model === "string" && chunk.model !== "" ? chunk.model : undefined,
        timestamp: typeof chunk.created === "number" && chunk.created > 0 ? new Date(chunk.created * 1000) : undefined,
      };
    }
    this.readUsage(chunk.usage);
    this.readTimings(chunk.timings);
    const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
    const choice: unknown = choices[0];
    if (!isRecord(choice)) return;
    this.readFilter(choice.content_filter_results);
    const delta = choice.delta;
    // Llama models' first token carries SentencePiece's leading space (llama.cpp, vLLM, TGI send it as is): the
    // stored answer should not start with it.
    const content = isRecord(delta) && typeof delta.content === "string" ? (this.textStarted ? delta.content : delta.content.trimStart()) : "";
    if (content !== "") {
      this.textStarted = true;
      watchdog.token();
      yield { type: "text", text: content };
    }
    const reason = finishReasonOf(choice);
    if (reason) this.finishReason = reason;
  }

  finish(provider: string): BackendEvent {
    if (!this.finishReason) {
      throw new LlmError({ code: "stream_error", provider, adminMessage: "stream ended without a finish_reason" });
    }
    const policyBlock = this.finishReason.unified === "content-filter" ? { stage: "output" as const, categories: [...this.filtered] } : undefined;
    return { type: "finish", finishReason: this.finishReason, usage: this.usage ?? this.timingsUsage, policyBlock };
  }

  private readUsage(usage: unknown): void {
    if (!isRecord(usage)) return;
    const input = usage.prompt_tokens;
    const output = usage.completion_tokens;
    if (typeof input === "number" || typeof output === "number") {
      this.usage = {
        inputTokens: typeof input === "number" ? input : undefined,
        outputTokens: typeof output === "number" ? output : undefined,
      };
    }
  }

  /** llama.cpp's `timings` (prompt_n new + cache_n cached prompt tokens, predicted_n generated): usage when none is sent. */
  private readTimings(timings: unknown): void {
    if (this.usage || !isRecord(timings)) return;
    const { prompt_n: promptN, cache_n: cacheN, predicted_n: predictedN } = timings;
    if (typeof promptN !== "number" || typeof predictedN !== "number") return;
    this.timingsUsage = { inputTokens: promptN + (typeof cacheN === "number" ? cacheN : 0), outputTokens: predictedN };
  }

  private readFilter(results: unknown): void {
    if (!isRecord(results)) return;
    for (const [category, value] of Object.entries(results)) {
      if (isRecord(value) && value.filtered === true) this.filtered.add(category);
    }
  }
}

function finishReasonOf(choice: Record<string, unknown>): LanguageModelV4FinishReason | undefined {
  const reason = choice.finish_reason;
  return typeof reason === "string" && reason !== "" ? mapFinishReason(reason) : undefined;
}

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
