import "server-only";
import type { TextStreamPart, ToolSet } from "ai";
import type { ChatMessage } from "@/lib/ai/chat-message";
import type { LanguageModelDeps } from "@/lib/ai/registry";
import { streamFromBackend } from "@/lib/chat/backend-stream";
import { outcomeOf, type StreamObservation } from "@/lib/chat/generation-outcome";
import type { GenerationSettings } from "@/lib/chat/generation-settings";
import type { AssistantOutcome } from "@/lib/db/messages";
import type { ChatModel } from "@/lib/models/chat-models";

/**
 * One backend call for /v1, read step by step: first until the backend accepted the request (or refused it, so the
 * HTTP status can still say so), then its text deltas. What happened is kept in the same observation the chat keeps,
 * so usage (reported or estimated) and error texts come out the same way (outcomeOf).
 */
export class BackendRun {
  readonly observation: StreamObservation;
  private readonly iterator: AsyncIterator<TextStreamPart<ToolSet>>;
  private readonly abort = new AbortController();

  constructor(input: {
    model: ChatModel;
    prompt: ChatMessage[];
    settings: GenerationSettings & { topP?: number; stopSequences?: string[] };
    startedAt: number;
    /** The client went away: the backend call is closed. */
    clientSignal: AbortSignal;
    modelDeps?: LanguageModelDeps;
  }) {
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
    const result = streamFromBackend({
      model: input.model,
      prompt: input.prompt,
      settings: input.settings,
      abortSignal: this.abort.signal,
      modelDeps: input.modelDeps,
    });
    this.iterator = result.stream[Symbol.asyncIterator]();
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
      if (text === null) return;
      if (text !== "") yield text;
    }
  }

  /** How the answer is recorded: status, text, finish reason, usage (reported or estimated), user-safe error. */
  outcome(): AssistantOutcome {
    return outcomeOf(this.observation);
  }

  /** One stream part: its text ("" for parts without), or null at the end. */
  private async next(): Promise<string | null> {
    const observation = this.observation;
    let step: IteratorResult<TextStreamPart<ToolSet>>;
    try {
      step = await this.iterator.next();
    } catch (error) {
      if (this.abort.signal.aborted) observation.aborted = true;
      else observation.error ??= error;
      return this.end();
    }
    if (step.done) return this.end();
    const part = step.value;
    switch (part.type) {
      case "start-step":
        observation.accepted = true;
        return "";
      case "text-delta":
        if (part.text === "") return "";
        observation.firstTokenAt ??= Date.now();
        observation.text += part.text;
        return part.text;
      case "finish-step":
        observation.providerMetadata = part.providerMetadata;
        return "";
      case "finish":
        observation.finishReason = part.finishReason;
        observation.usage = part.totalUsage;
        return "";
      case "error":
        observation.error ??= part.error;
        return "";
      case "abort":
        observation.aborted = true;
        return "";
      default:
        return "";
    }
  }

  private end(): null {
    if (this.abort.signal.aborted && this.observation.finishReason === undefined) this.observation.aborted = true;
    this.observation.endedAt = Date.now();
    return null;
  }
}
