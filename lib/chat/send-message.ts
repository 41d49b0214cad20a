import "server-only";
import { randomUUID } from "node:crypto";
import type { UIMessageChunk } from "ai";
import { LlmError } from "@/lib/ai/errors";
import { ApiError } from "@/lib/api/errors";
import {
  type ConversationRow,
  createConversationUnlessExists,
  getConversationAccess,
  getOrCreateConversation,
  setConversationModel,
} from "@/lib/db/conversations";
import { isUniqueViolation } from "@/lib/db/errors";
import { createAssistantMessage, finishAssistantMessage, insertQuestionAndAnswer, listMessages, type StoredMessage } from "@/lib/db/messages";
import { PRIVACY_SETTING_KEYS, privacySettingsFrom } from "@/lib/db/privacy-settings";
import { getSettings } from "@/lib/db/settings";
import { type ChatModel, getChatModel } from "@/lib/models/chat-models";
import { checkChatQuota } from "@/lib/quota/check-chat-quota";
import { refuseNewAnswersWhenShuttingDown } from "@/lib/server/shutdown";
import { answerAdmission, OVERLOADED_RETRY_AFTER_MS, type ReleaseSlot } from "./admission";
import { answerSettingsFor, initialSettingsProblem, previewAnswerSettings } from "./conversation-settings";
import { forgetNewConversation } from "./forget-new-conversation";
import { DEFAULT_TUNING, type GenerationTuning, startGeneration } from "./generation";
import { GENERIC_ANSWER_ERROR } from "./generation-outcome";
import { claimGeneration, releaseGeneration } from "./generation-registry";
import type { ConversationSettingsInput } from "./generation-settings";
import type { HistoryTurn } from "./history";
import { activeLeaf, pathTo } from "./message-tree";
import { buildModelPrompt, type ModelPrompt } from "./model-prompt";
import { guardModelPrompt, mayCountRemotely, modelPrivacy } from "./privacy-guard";
import { storedText } from "./stored-message";
import { createConversationTitle, TITLE_MODEL_SETTING } from "./title";
import type { ChatRequest } from "./types";

export interface ChatUser {
  id: string;
  role: "admin" | "user";
}

export interface SendOptions {
  /** When the request arrived (timings count from here). */
  startedAt?: number;
  tuning?: GenerationTuning;
}

/**
 * POST /api/chat after validation and sign-in: checks ownership and model access, stores the user's message (none
 * when regenerating), starts the answer (which then runs on its own) and answers with its UI message stream, or with
 * an ApiError when nothing could start: 404 (conversation, referenced message or model), 400 (a referenced message
 * of the wrong role), 422 (the privacy policy blocks what would be sent), 409 (an answer is already being written; a
 * reused message id; findings the user must confirm first), 429 (the backend rate-limited
 * before any token; the user's message stays stored), 503 (this instance is writing as many answers as it may and its
 * queue is full or too slow: nothing stored). The new answer becomes the end of the branch on show.
 *
 * The answer's slot is taken first, by arrival: in a burst, the messages that wait for a slot wait before their
 * checks too, so their reads do not slow the set-up of those that will stream first (whose first tokens would
 * otherwise all come together, after everyone's checks). A refusal gives the slot back at once.
 */
export async function sendMessage(user: ChatUser, input: ChatRequest, options: SendOptions = {}): Promise<ReadableStream<UIMessageChunk>> {
  const startedAt = options.startedAt ?? Date.now();
  refuseNewAnswersWhenShuttingDown();
  const releaseSlot = await answerAdmission().acquire();
  if (!releaseSlot) throw new ApiError("overloaded", "The service is busy right now. Try again in a moment.", { retryAfterMs: OVERLOADED_RETRY_AFTER_MS });
  try {
    return await sendWithSlot(user, input, options.tuning ?? DEFAULT_TUNING, startedAt, releaseSlot);
  } catch (error) {
    releaseSlot();
    throw error;
  }
}

async function sendWithSlot(
  user: ChatUser,
  input: ChatRequest,
  tuning: GenerationTuning,
  startedAt: number,
  releaseSlot: ReleaseSlot,
): Promise<ReadableStream<UIMessageChunk>> {
  const access = await getConversationAccess(user.id, input.conversationId);
  if (access.takenByOther) throw new ApiError("not_found", "This conversation does not exist.");
  // An edit or a regenerate refers to stored messages: it never creates a conversation.
  if (!access.conversation && referencedMessageId(input)) throw new ApiError("not_found", "This conversation does not exist.");
  const chatModel = await getChatModel(user, input.modelId);
  if (!chatModel) throw new ApiError("model_unavailable", "This model is not available. Choose another model.");
  const refusal = await checkChatQuota(user);
  if (refusal)
    throw new ApiError(refusal.code, refusal.message, { retryAfterMs: Math.max(0, refusal.resetsAt.getTime() - Date.now()), resetsAt: refusal.resetsAt });

  const initialSettings = access.conversation || "regenerate" in input ? undefined : input.settings;
  const settingsProblem = initialSettingsProblem(initialSettings, chatModel);
  if (settingsProblem) throw new ApiError("bad_request", settingsProblem);

  // The prompt exactly as it will be sent passes the privacy policy before anything is stored, so a refusal (blocked,
  // or waiting for the user's confirmation) leaves nothing behind, and sendMessage gives its slot back.
  // The admin's settings this answer needs, in one query: its privacy rules and, for a new chat's title, the title model.
  const settings = await getSettings([...PRIVACY_SETTING_KEYS, TITLE_MODEL_SETTING]);
  const privacy = await modelPrivacy(chatModel, privacySettingsFrom(settings));
  const planned = await planPrompt(input, access.conversation, chatModel, initialSettings, tuning, mayCountRemotely(privacy));
  const sendable = await guardModelPrompt({
    userId: user.id,
    model: chatModel,
    prompt: planned.prompt,
    acknowledged: input.privacyAcknowledged,
    surface: "chat",
    privacy,
  });

  // Again: the instance may have begun to shut down during the checks.
  refuseNewAnswersWhenShuttingDown();
  const generation = claimGeneration(input.conversationId, user.id);
  if (!generation) {
    throw new ApiError("busy", "An answer is still being written in this conversation. Wait for it to finish, or stop it, then send again.");
  }
  void generation.stored.then(releaseSlot);

  let prepared: Awaited<ReturnType<typeof storeTurn>>;
  try {
    prepared = await storeTurn(user, input, chatModel.id, access.conversation === null);
  } catch (error) {
    releaseGeneration(generation);
    await forgetNewConversation(user.id, input.conversationId, access.conversation === null);
    if (isUniqueViolation(error)) throw new ApiError("duplicate_message", "This message was already sent.");
    throw error;
  }
  if ("refusal" in prepared) {
    releaseGeneration(generation);
    await forgetNewConversation(user.id, input.conversationId, access.conversation === null);
    throw prepared.refusal;
  }
  const { conversation, assistant, firstUserText } = prepared;
  let answerSettings: Awaited<ReturnType<typeof answerSettingsFor>>;
  try {
    // Stores a new chat's initial settings; the values are those the prompt was planned with.
    answerSettings = await answerSettingsFor(user.id, conversation, chatModel, initialSettings);
    await sendable.recordSent();
  } catch (error) {
    // Nothing was asked of the backend: the answer slot and the conversation are freed at once, and the empty
    // answer says it failed instead of "Writing…" until the interrupted sweep.
    releaseGeneration(generation);
    await finishAssistantMessage(assistant.id, {
      status: "error",
      text: "",
      finishReason: "error",
      error: GENERIC_ANSWER_ERROR,
      usage: null,
      metadata: {},
    }).catch(() => undefined);
    throw error;
  }

  const acceptance = await startGeneration(
    generation,
    {
      userId: user.id,
      conversationId: conversation.id,
      assistantMessage: assistant,
      model: chatModel,
      prompt: sendable.prompt,
      privacyTable: sendable.table,
      promptTokens: planned.promptTokens,
      settings: answerSettings.generation,
      startedAt,
      afterComplete: conversation.titleIsSet
        ? undefined
        : () =>
            createConversationTitle({
              user,
              conversationId: conversation.id,
              chatModel,
              chatPrivacy: privacy,
              titleModelSetting: settings.get(TITLE_MODEL_SETTING) ?? null,
              firstUserText,
              modelDeps: tuning.modelDeps,
            }),
    },
    tuning,
  );
  if (!acceptance.accepted && LlmError.isInstance(acceptance.error) && acceptance.error.code === "rate_limited") {
    throw new ApiError("rate_limited", acceptance.error.userMessage, { retryAfterMs: acceptance.error.retryAfterMs });
  }
  return generation.chunks.subscribe();
}

/**
 * The prompt this turn will send, from what is stored now and the new message, without storing anything: the
 * branch it follows (see placeTurn), the system prompt and the answer length as answerSettingsFor will have them.
 */
async function planPrompt(
  input: ChatRequest,
  conversation: ConversationRow | null,
  model: ChatModel,
  initialSettings: ConversationSettingsInput | undefined,
  tuning: GenerationTuning,
  countRemotely: boolean,
): Promise<ModelPrompt> {
  const rows = conversation ? await listMessages(conversation.id) : [];
  const placement = placeTurn(rows, conversation?.activeMessageId ?? null, input);
  if ("refusal" in placement) throw placement.refusal;
  const history: HistoryTurn[] = pathTo(rows, placement.parentId).map((row) => ({ role: row.role, text: storedText(row.parts), status: row.status }));
  if ("message" in input) history.push({ role: "user", text: input.message.text, status: "complete" });
  const settings = previewAnswerSettings(conversation, model, initialSettings);
  const maxOutputTokens = settings.generation.maxOutputTokens ?? model.config.maxOutputTokens;
  return buildModelPrompt(model, history, settings.systemPrompt, maxOutputTokens, tuning.modelDeps, { countRemotely });
}

/** The stored message an edit (its parent) or a regenerate (the question) refers to. */
function referencedMessageId(input: ChatRequest): string | null {
  return "regenerate" in input ? input.regenerate.parentId : (input.parentId ?? null);
}

type Placement = { parentId: string | null } | { refusal: ApiError };

/**
 * Where the turn goes in the tree. A new message follows the end of the branch on show; an edited one follows the
 * parent of the message it replaces (an answer, or nothing for the first message); a regenerated answer follows the
 * user message it answers again. Referenced messages must be of this conversation (404 otherwise).
 */
function placeTurn(rows: readonly StoredMessage[], activeMessageId: string | null, input: ChatRequest): Placement {
  const missing = { refusal: new ApiError("not_found", "This message does not exist in this conversation.") };
  if ("regenerate" in input) {
    const question = rows.find((row) => row.id === input.regenerate.parentId);
    if (!question) return missing;
    if (question.role !== "user") return { refusal: new ApiError("bad_request", "Only the answer to one of your messages can be regenerated.") };
    return { parentId: question.id };
  }
  if (input.parentId === undefined) return { parentId: activeLeaf(rows, activeMessageId)?.id ?? null };
  if (input.parentId === null) return { parentId: null };
  const parent = rows.find((row) => row.id === input.parentId);
  if (!parent) return missing;
  if (parent.role !== "assistant") return { refusal: new ApiError("bad_request", "An edited message must follow an answer.") };
  return { parentId: parent.id };
}

/**
 * The conversation (created on the first message), the user's message (unless regenerating) and an empty answer, in
 * this order; the answer becomes the end of the branch on show. The history is that branch only. `seenMissing`: the
 * request found no such conversation, so it creates it without reading it again.
 */
async function storeTurn(user: ChatUser, input: ChatRequest, modelId: string, seenMissing: boolean) {
  const assistantId = randomUUID();
  const found = await findOrCreate({ id: input.conversationId, userId: user.id, modelId }, assistantId, seenMissing);
  if (!found) return { refusal: new ApiError("not_found", "This conversation does not exist.") };
  const { conversation, created } = found;
  // A conversation this request has just created has no messages yet.
  const rows = created ? [] : await listMessages(conversation.id);
  const placement = placeTurn(rows, conversation.activeMessageId, input);
  if ("refusal" in placement) return placement;

  const history: HistoryTurn[] = pathTo(rows, placement.parentId).map((row) => ({ role: row.role, text: storedText(row.parts), status: row.status }));
  // Explicit, strictly increasing times: an answer must sort after its question, and a new alternative after
  // everything before it, even within one millisecond.
  const lastAt = rows[rows.length - 1]?.createdAt.getTime() ?? 0;
  const at = Math.max(Date.now(), lastAt + 1);
  const assistant = { id: assistantId, createdAt: new Date("message" in input ? at + 1 : at) };
  if ("message" in input) {
    const question = { id: input.message.id, text: input.message.text, createdAt: new Date(at) };
    await insertQuestionAndAnswer({ conversationId: conversation.id, parentId: placement.parentId, question, answer: { ...assistant, modelId } });
    history.push({ role: "user", text: input.message.text, status: "complete" });
  } else {
    await createAssistantMessage({ ...assistant, conversationId: conversation.id, parentId: placement.parentId, modelId });
  }
  // A conversation created here already has this model and this answer on show.
  if (!created) await setConversationModel(conversation.id, modelId, assistant.id);

  const firstUserText = history.find((turn) => turn.role === "user")?.text ?? "";
  return { conversation, history, assistant, firstUserText };
}

/**
 * The conversation and whether this request created it (then it has no messages to read, and it was created with
 * the answer about to be stored on show).
 */
async function findOrCreate(conversation: { id: string; userId: string; modelId: string }, answerId: string, seenMissing: boolean) {
  if (seenMissing) return createConversationUnlessExists({ ...conversation, activeMessageId: answerId });
  const existing = await getOrCreateConversation(conversation);
  return existing && { conversation: existing, created: false };
}
