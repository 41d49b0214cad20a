import "server-only";
import { randomUUID } from "node:crypto";
import { LlmError } from "@/lib/ai/errors";
import type { LanguageModelDeps } from "@/lib/ai/registry";
import { generationSettingsFor, settingsLimitProblem } from "@/lib/chat/generation-settings";
import { buildPrompt } from "@/lib/chat/history";
import type { AssistantOutcome } from "@/lib/db/messages";
import { isEnabledModel } from "@/lib/db/models";
import { recordUsage } from "@/lib/db/usage";
import { type ChatModel, getChatModel } from "@/lib/models/chat-models";
import { checkChatQuota } from "@/lib/quota/check-chat-quota";
import type { ApiCaller } from "./authenticate";
import { BackendRun } from "./backend-run";
import { backendError, badRequest, modelNotAllowed, modelNotFound, OpenAiApiError, quotaExceeded } from "./errors";
import { type ChatCompletionRequest, chatCompletionRequestSchema, paramOf, type TextTurn, textTurns, unsupportedFeature } from "./request-schema";
import { type CompletionIdentity, chunkBody, completionBody, openAiFinishReason, openAiUsage, usageChunkBody } from "./response-shapes";
import { saveCompletionToHistory } from "./save-to-history";

/** Largest request body read (a long conversation fits; a flood does not). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface CompletionOptions {
  /** For tests: a custom fetch or Entra token source for the backend. */
  modelDeps?: LanguageModelDeps;
}

/**
 * POST /v1/chat/completions for an authenticated caller, with the chat's governance in the chat's order: validate,
 * model access (403 when the model exists but is not theirs, 404 when it does not), quota (429) before any backend
 * is called; then the backend through the same provider registry and timeouts; usage and cost recorded with the key.
 */
export async function createChatCompletion(request: Request, caller: ApiCaller, options: CompletionOptions = {}): Promise<Response> {
  const startedAt = Date.now();
  const parsed = await readRequest(request);
  if (parsed instanceof OpenAiApiError) return parsed.toResponse();
  const { input, turns } = parsed;

  const model = await getChatModel(caller.user, input.model);
  if (!model) return ((await isEnabledModel(input.model)) ? modelNotAllowed(input.model) : modelNotFound(input.model)).toResponse();

  const maxOutputTokens = input.max_completion_tokens ?? input.max_tokens ?? undefined;
  const limitProblem = settingsLimitProblem({ maxOutputTokens }, model);
  if (limitProblem) return badRequest(limitProblem, input.max_completion_tokens != null ? "max_completion_tokens" : "max_tokens").toResponse();

  const refusal = await checkChatQuota(caller.user);
  if (refusal) return quotaExceeded(refusal.message, refusal.resetsAt.getTime() - Date.now()).toResponse();

  const settings = generationSettingsFor(model, { temperature: input.temperature ?? undefined, maxOutputTokens });
  const run = new BackendRun({
    model,
    prompt: promptFor(turns, model, settings.maxOutputTokens),
    settings: { ...settings, topP: input.top_p ?? undefined, stopSequences: stopSequences(input.stop) },
    startedAt,
    clientSignal: request.signal,
    modelDeps: options.modelDeps,
  });
  const identity: CompletionIdentity = { id: `chatcmpl-${randomUUID()}`, created: Math.floor(startedAt / 1000), model: model.id };
  const finish = () => finishRun(run, caller, model, turns);

  if (!(await run.accepted())) {
    const outcome = await finish();
    return (run.observation.aborted ? backendError(undefined) : backendError(run.observation.error ?? outcome.error)).toResponse();
  }
  if (input.stream) return streamResponse(run, identity, input.stream_options?.include_usage === true, finish);

  for await (const _ of run.deltas()) {
    // The whole answer is collected in the observation.
  }
  const outcome = await finish();
  if (outcome.status === "error") return backendError(run.observation.error).toResponse();
  return Response.json(completionBody(identity, outcome.text, openAiFinishReason(run.observation.finishReason), openAiUsage(outcome.usage)), {
    headers: { "Cache-Control": "no-store" },
  });
}

async function readRequest(request: Request): Promise<{ input: ChatCompletionRequest; turns: TextTurn[] } | OpenAiApiError> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return new OpenAiApiError(413, "invalid_request_error", `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`, "request_too_large");
  }
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return badRequest("The request body must be JSON.", null, "invalid_json");
  }
  const parsed = chatCompletionRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue ? paramOf(issue.path) : null;
    return badRequest(param ? `Invalid '${param}': ${issue?.message}` : (issue?.message ?? "The request is not valid."), param || null);
  }
  const unsupported = unsupportedFeature(parsed.data);
  if (unsupported) return badRequest(unsupported.message, unsupported.param, "unsupported_parameter");
  const turns = textTurns(parsed.data);
  if ("refusal" in turns) return badRequest(turns.refusal.message, turns.refusal.param, "unsupported_content");
  return { input: parsed.data, turns: turns.turns };
}

/** The request's system messages (else the model's default system prompt) and turns, trimmed to the context window as the chat does. */
function promptFor(turns: readonly TextTurn[], model: ChatModel, maxOutputTokens: number | undefined) {
  const system = turns.filter((turn) => turn.role === "system").map((turn) => turn.text);
  const systemPrompt = system.length > 0 ? system.join("\n\n") : (model.defaults.systemPrompt ?? null);
  const history = turns.flatMap((turn) => (turn.role === "system" ? [] : [{ role: turn.role, text: turn.text, status: "complete" as const }]));
  return buildPrompt(history, systemPrompt, { contextWindow: model.defaults.contextWindow, maxOutputTokens: maxOutputTokens ?? model.config.maxOutputTokens });
}

function stopSequences(stop: ChatCompletionRequest["stop"]): string[] | undefined {
  if (stop == null) return undefined;
  const list = (typeof stop === "string" ? [stop] : stop).filter((value) => value !== "");
  return list.length > 0 ? list : undefined;
}

/** Once per run: logs a failure, stores the conversation when the key says so, records usage with the key. */
async function finishRun(run: BackendRun, caller: ApiCaller, model: ChatModel, turns: readonly TextTurn[]): Promise<AssistantOutcome> {
  const outcome = run.outcome();
  const { observation } = run;
  if (outcome.status === "error") {
    const detail = LlmError.isInstance(observation.error) ? observation.error.adminMessage : String(observation.error);
    console.error(`[v1] answer failed: key ${caller.key.id}, model ${model.id}: ${detail}`);
  }
  let stored: { conversationId: string; messageId: string } | null = null;
  if (caller.key.saveToHistory && observation.accepted) {
    try {
      stored = await saveCompletionToHistory({ userId: caller.user.id, modelId: model.id, turns, outcome });
    } catch (error) {
      console.error(`[v1] could not save to history: key ${caller.key.id}: ${String(error)}`);
    }
  }
  if (outcome.usage) {
    try {
      await recordUsage({
        userId: caller.user.id,
        modelId: model.id,
        conversationId: stored?.conversationId ?? null,
        messageId: stored?.messageId ?? null,
        inputTokens: outcome.usage.inputTokens,
        outputTokens: outcome.usage.outputTokens,
        estimated: outcome.usage.estimated,
        latencyMs: observation.endedAt - observation.startedAt,
        apiKeyId: caller.key.id,
      });
    } catch (error) {
      console.error(`[v1] could not record usage: key ${caller.key.id}: ${String(error)}`);
    }
  }
  return outcome;
}

function streamResponse(run: BackendRun, identity: CompletionIdentity, includeUsage: boolean, finish: () => Promise<AssistantOutcome>): Response {
  const encoder = new TextEncoder();
  const event = (body: unknown) => encoder.encode(`data: ${JSON.stringify(body)}\n\n`);
  const deltas = run.deltas();
  let finished = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(event(chunkBody(identity, { role: "assistant", content: "" }, null, includeUsage)));
    },
    async pull(controller) {
      const next = await deltas.next();
      if (!next.done) {
        controller.enqueue(event(chunkBody(identity, { content: next.value }, null, includeUsage)));
        return;
      }
      finished = true;
      const outcome = await finish();
      if (outcome.status === "error") {
        // OpenAI's clients raise an error event mid-stream as an APIError.
        controller.enqueue(event(backendError(run.observation.error).body()));
        controller.close();
        return;
      }
      controller.enqueue(event(chunkBody(identity, {}, openAiFinishReason(run.observation.finishReason), includeUsage)));
      if (includeUsage) controller.enqueue(event(usageChunkBody(identity, openAiUsage(outcome.usage))));
      controller.enqueue(encoder.encode("data: [DONE]\n\n"));
      controller.close();
    },
    async cancel() {
      // The client stopped reading: close the backend call, then record what was used.
      run.cancel();
      if (finished) return;
      finished = true;
      for await (const _ of deltas) {
        // Drain to the end so the observation is complete.
      }
      await finish();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no", Connection: "keep-alive" },
  });
}
