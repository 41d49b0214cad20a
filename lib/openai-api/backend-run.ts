import "server-only";
import type { ChatMessage } from "@/lib/ai/chat-message";
import type { LanguageModelDeps } from "@/lib/ai/registry";
import { type BackendPart, streamFromBackend } from "@/lib/chat/backend-stream";
import { noteBackendPart, outcomeOf, type StreamObservation } from "@/lib/chat/generation-outcome";
import type { GenerationSettings } from "@/lib/chat/generation-settings";
import type { AssistantOutcome } from "@/lib/db/messages";
import type { ChatModel } from "@/lib/models/chat-models";
import type { PlaceholderTable } from "@/lib/privacy/placeholders";
import { createStreamingRestorer, type StreamingRestorer } from "@/lib/privacy/restore";

/**
 * One backend call for /v1, read step by step: first until the backend accepted the request (or refused it, so the
 * HTTP status can still say so), then its text deltas. What happened is kept in the same observation the chat keeps,
 * so usage (reported or estimated) and error texts come out the same way (outcomeOf).
 */
export class BackendRun {
  readonly observation: StreamObservation;
  private readonly iterator: AsyncIterator<BackendPart>;
  private readonly abort = new AbortController();
  private readonly restorer: StreamingRestorer | null;

  constructor(input: {
    model: ChatModel;
    prompt: ChatMessage[];
    settings: GenerationSettings & { topP?: number; stopSequences?: string[] };
    startedAt: number;
    /** The client went away: the backend call is closed. */
    clientSignal: AbortSignal;
    modelDeps?: LanguageModelDeps;
    /** The placeholders the privacy guard put in the prompt: the caller gets the answer with the originals back. */
    privacyTable?: PlaceholderTable | null;
  }) {
    this.restorer = input.privacyTable ? createStreamingRestorer(input.privacyTable) : null;
    this.observation = {
      text: "",
      accepted: false,
      aborted: false,
      error: undefined,
      finishReason: undefined,
      usage: undefined,
      providerMetadata: undefined,
      promptChars: input.prompt.reduce((sum, message) => sum + message.content.length, 0),
      startedAt: input.startedAt,
      firstTokenAt: undefined,
      endedAt: input.startedAt,
    };
    if (input.clientSignal.aborted) this.abort.abort();
    else input.clientSignal.addEventListener("abort", () => this.abort.abort(), { once: true });
    this.iterator = streamFromBackend({
      model: input.model,
      prompt: input.prompt,
      settings: input.settings,
      abortSignal: this.abort.signal,
      modelDeps: input.modelDeps,
    });
  }

  /** Stops the backend call (the client stopped reading). */
  cancel(): void {
    this.abort.abort();
  }

  /** Reads until the backend accepted the request; false when it failed (or the stream ended) before that. */
  async accepted(): Promise<boolean> {
    while (!this.observation.accepted) {
      const text = await this.next();
      if (text === null) return this.observation.accepted;
    }
    return true;
  }

  /** The text deltas after acceptance, until the answer ends (an error ends it too: see observation.error). */
  async *deltas(): AsyncGenerator<string> {
    for (;;) {
      const text = await this.next();
      if (text === null) break;
      if (text !== "") yield text;
    }
    // A placeholder start held back at the very end is not one after all: it goes out as it came.
    const rest = this.restorer?.flush() ?? "";
    if (rest !== "") {
      this.observation.text += rest;
      yield rest;
    }
  }

  /** How the answer is recorded: status, text, finish reason, usage (reported or estimated), user-safe error. */
  outcome(): AssistantOutcome {
    return outcomeOf(this.observation);
  }

  /** One stream part: its text ("" for parts without), or null at the end. */
  private async next(): Promise<string | null> {
    const observation = this.observation;
    let step: IteratorResult<BackendPart>;
    try {
      step = await this.iterator.next();
    } catch (error) {
      if (this.abort.signal.aborted) observation.aborted = true;
      else observation.error ??= error;
      return this.end();
    }
    if (step.done) return this.end();
    const text = noteBackendPart(observation, step.value);
    if (text === "") return "";
    const shown = this.restorer ? this.restorer.push(text) : text;
    observation.text += shown;
    return shown;
  }

  private end(): null {
    if (this.abort.signal.aborted && this.observation.finishReason === undefined) this.observation.aborted = true;
    this.observation.endedAt = Date.now();
    return null;
  }
}
