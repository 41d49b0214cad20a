import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { getConversationAccess, getOrCreateConversation, setConversationModel } from "@/lib/db/conversations";
import { createAssistantMessage, insertUserMessage, listMessages } from "@/lib/db/messages";
import { type ChatModel, getChatModel } from "@/lib/models/chat-models";
import { refuseNewAnswersWhenShuttingDown } from "@/lib/server/shutdown";
import type { CompareRequest, CompareResponse } from "./compare-input";
import { checkCompareQuota } from "./compare-quota";
import { answerSettingsFor } from "./conversation-settings";
import { forgetNewConversation } from "./forget-new-conversation";
import { DEFAULT_TUNING, type GenerationTuning, startGeneration } from "./generation";
import { type ActiveGeneration, claimGenerations, releaseGeneration } from "./generation-registry";
import type { HistoryTurn } from "./history";
import { activePath } from "./message-tree";
import { buildModelPrompt } from "./model-prompt";
import type { ChatUser, SendOptions } from "./send-message";
import { storedText } from "./stored-message";
import { createConversationTitle } from "./title";

/**
 * POST /api/compare after validation and sign-in: one prompt to 2-3 models side by side. Stores the user's message
 * (a child of the conversation's current leaf) and one empty answer per model (all children of that message, sharing
 * a compareRunId), starts every answer, and answers with their ids; each column then follows its answer through
 * GET /api/chat/[id]/stream?messageId=. 404 for a foreign conversation or a model the user may not use, 409 while
 * anything is being written in the conversation, 429 when a quota refuses one of the models.
 */
export async function startCompareRun(user: ChatUser, input: CompareRequest, options: SendOptions = {}): Promise<CompareResponse> {
  const startedAt = options.startedAt ?? Date.now();
  const access = await getConversationAccess(user.id, input.conversationId);
  if (access.takenByOther) throw new ApiError("not_found", "This conversation does not exist.");
  const models: ChatModel[] = [];
  for (const modelId of input.modelIds) {
    const model = await getChatModel(user, modelId);
    if (!model) throw new ApiError("model_unavailable", "One of the chosen models is not available. Choose another model.");
    models.push(model);
  }
  const refusal = await checkCompareQuota(user, models);
  if (refusal)
    throw new ApiError(refusal.code, refusal.message, { retryAfterMs: Math.max(0, refusal.resetsAt.getTime() - Date.now()), resetsAt: refusal.resetsAt });

  refuseNewAnswersWhenShuttingDown();
  const generations = claimGenerations(input.conversationId, user.id, models.length);
  if (!generations) {
    throw new ApiError("busy", "An answer is still being written in this conversation. Wait for it to finish, or stop it, then compare again.");
  }
  let run: Awaited<ReturnType<typeof storeRun>>;
  try {
    run = await storeRun(user, input, models);
  } catch (error) {
    for (const generation of generations) releaseGeneration(generation);
    await forgetNewConversation(user.id, input.conversationId, access.conversation === null);
    throw error;
  }
  if (!run) {
    for (const generation of generations) releaseGeneration(generation);
    throw new ApiError("not_found", "This conversation does not exist.");
  }
  try {
    await startAnswers(user, run, generations, startedAt, options.tuning ?? DEFAULT_TUNING);
  } catch (error) {
    // Nothing started (the settings are read before the first answer starts): free the conversation.
    for (const generation of generations) releaseGeneration(generation);
    throw error;
  }
  return { userMessageId: run.userMessageId, answers: run.answers.map(({ id, model }) => ({ messageId: id, modelId: model.id })) };
}

type StoredRun = NonNullable<Awaited<ReturnType<typeof storeRun>>>;

/** The conversation (created by its first run), the user's message and the empty answers, in this order. */
async function storeRun(user: ChatUser, input: CompareRequest, models: ChatModel[]) {
  const [firstModel] = models;
  if (!firstModel) return null;
  const conversation = await getOrCreateConversation({ id: input.conversationId, userId: user.id, modelId: firstModel.id });
  if (!conversation) return null;
  const rows = await listMessages(conversation.id);
  const branch = activePath(rows, conversation.activeMessageId);
  const leaf = branch.at(-1) ?? null;
  // Explicit, strictly increasing times: the answers must sort after their question even within one millisecond.
  const lastAt = rows.at(-1)?.createdAt.getTime() ?? 0;
  const userCreatedAt = new Date(Math.max(Date.now(), lastAt + 1));
  const userMessageId = randomUUID();
  await insertUserMessage({ id: userMessageId, conversationId: conversation.id, parentId: leaf?.id ?? null, text: input.prompt, createdAt: userCreatedAt });

  const compareRunId = randomUUID();
  const answers = models.map((model, index) => ({ id: randomUUID(), createdAt: new Date(userCreatedAt.getTime() + 1 + index), model }));
  for (const answer of answers) {
    await createAssistantMessage({
      id: answer.id,
      createdAt: answer.createdAt,
      conversationId: conversation.id,
      parentId: userMessageId,
      compareRunId,
      modelId: answer.model.id,
    });
  }
  // Until the user chooses, the conversation shows the first model's answer.
  await setConversationModel(conversation.id, firstModel.id, answers[0]?.id);

  const history: HistoryTurn[] = branch.map((row) => ({ role: row.role, text: storedText(row.parts), status: row.status }));
  history.push({ role: "user", text: input.prompt, status: "complete" });
  const firstUserText = history.find((turn) => turn.role === "user")?.text ?? input.prompt;
  return { conversation, userMessageId, answers, history, firstUserText };
}

/** Every answer runs on its own; a failing backend ends as that answer's stored error and leaves the others alone. */
async function startAnswers(user: ChatUser, run: StoredRun, generations: ActiveGeneration[], startedAt: number, tuning: GenerationTuning): Promise<void> {
  const { conversation } = run;
  const settings = await Promise.all(run.answers.map((answer) => answerSettingsFor(user.id, conversation, answer.model, undefined)));
  const prompts = await Promise.all(
    run.answers.map((answer, index) =>
      buildModelPrompt(
        answer.model,
        run.history,
        settings[index]?.systemPrompt,
        settings[index]?.generation.maxOutputTokens ?? answer.model.config.maxOutputTokens,
        tuning.modelDeps,
      ),
    ),
  );
  run.answers.forEach((answer, index) => {
    const generation = generations[index];
    const answerSettings = settings[index];
    const modelPrompt = prompts[index];
    if (!generation || !answerSettings || !modelPrompt) return;
    const model = answer.model;
    const titleWriter = index === 0 && !conversation.titleIsSet;
    void startGeneration(
      generation,
      {
        userId: user.id,
        conversationId: conversation.id,
        assistantMessage: { id: answer.id, createdAt: answer.createdAt },
        model,
        prompt: modelPrompt.prompt,
        promptTokens: modelPrompt.promptTokens,
        settings: answerSettings.generation,
        startedAt,
        afterComplete: titleWriter
          ? () =>
              createConversationTitle({
                user,
                conversationId: conversation.id,
                chatModel: model,
                firstUserText: run.firstUserText,
                modelDeps: tuning.modelDeps,
              })
          : undefined,
      },
      tuning,
    );
  });
}
