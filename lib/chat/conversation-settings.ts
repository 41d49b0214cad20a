import "server-only";
import { saveConversationSettings } from "@/lib/db/conversation-settings";
import { type ConversationRow, getConversationForUser } from "@/lib/db/conversations";
import { type ChatModel, getChatModel, getDefaultModelId } from "@/lib/models/chat-models";
import type { ConversationSettingsView } from "./conversation-settings-view";
import {
  type ConversationSettings,
  type ConversationSettingsInput,
  type GenerationSettings,
  generationSettingsFor,
  maxOutputTokensLimit,
  normalizeSystemPrompt,
  readConversationSettings,
  settingsLimitProblem,
} from "./generation-settings";

export type { ConversationSettingsView } from "./conversation-settings-view";

type SignedInUser = { id: string; role: "admin" | "user" };

export type SettingsChange = { ok: true; view: ConversationSettingsView } | { ok: false; status: 400 | 404; message: string };

async function modelOf(user: SignedInUser, modelId: string | null): Promise<ChatModel | null> {
  const chosen = modelId ? await getChatModel(user, modelId) : null;
  if (chosen) return chosen;
  const fallbackId = await getDefaultModelId(user);
  return fallbackId ? getChatModel(user, fallbackId) : null;
}

function viewOf(conversation: ConversationRow, model: ChatModel | null): ConversationSettingsView {
  const settings = readConversationSettings(conversation.settings);
  return {
    systemPrompt: conversation.systemPrompt,
    temperature: settings.temperature ?? null,
    maxOutputTokens: settings.maxOutputTokens ?? null,
    model: model && { id: model.id, name: model.name, maxOutputTokensLimit: maxOutputTokensLimit(model) },
  };
}

/** Null when the conversation is missing or not the user's. */
export async function loadConversationSettings(user: SignedInUser, id: string): Promise<ConversationSettingsView | null> {
  const conversation = await getConversationForUser(user.id, id);
  if (!conversation) return null;
  return viewOf(conversation, await modelOf(user, conversation.modelId));
}

function merge(current: ConversationSettings, input: ConversationSettingsInput): ConversationSettings {
  const pick = (key: "temperature" | "maxOutputTokens") => (input[key] === undefined ? current[key] : (input[key] ?? undefined));
  const merged: ConversationSettings = {};
  const temperature = pick("temperature");
  const maxOutputTokens = pick("maxOutputTokens");
  if (temperature !== undefined) merged.temperature = temperature;
  if (maxOutputTokens !== undefined) merged.maxOutputTokens = maxOutputTokens;
  return merged;
}

/** Applies the given fields (null: back to the model's default), checked against the conversation's model. */
export async function changeConversationSettings(user: SignedInUser, id: string, input: ConversationSettingsInput): Promise<SettingsChange> {
  const conversation = await getConversationForUser(user.id, id);
  if (!conversation) return { ok: false, status: 404, message: "This conversation does not exist." };
  const model = await modelOf(user, conversation.modelId);
  const settings = merge(readConversationSettings(conversation.settings), input);
  const problem = model && settingsLimitProblem(settings, model);
  if (problem) return { ok: false, status: 400, message: problem };
  const systemPrompt = input.systemPrompt === undefined ? conversation.systemPrompt : normalizeSystemPrompt(input.systemPrompt);
  if (!(await saveConversationSettings(user.id, id, { systemPrompt, settings }))) {
    return { ok: false, status: 404, message: "This conversation does not exist." };
  }
  return { ok: true, view: viewOf({ ...conversation, systemPrompt, settings: { ...settings } }, model) };
}

/** What the next answer uses: the conversation's system prompt (else the model's) and its capped settings. */
export interface AnswerSettings {
  systemPrompt: string | null;
  generation: GenerationSettings;
}

/**
 * For POST /api/chat. `initial` are the settings a brand-new chat was started with (chosen before its first message,
 * or from a preset): stored on the conversation now, so later answers use them too.
 */
export async function answerSettingsFor(
  userId: string,
  conversation: ConversationRow,
  model: ChatModel,
  initial: ConversationSettingsInput | null | undefined,
): Promise<AnswerSettings> {
  let systemPrompt = conversation.systemPrompt;
  let settings = readConversationSettings(conversation.settings);
  if (initial) {
    systemPrompt = normalizeSystemPrompt(initial.systemPrompt);
    settings = merge({}, initial);
    await saveConversationSettings(userId, conversation.id, { systemPrompt, settings });
  }
  return { systemPrompt: systemPrompt ?? model.defaults.systemPrompt ?? null, generation: generationSettingsFor(model, settings) };
}

/** A 400 message when a new chat's initial settings exceed the model's limit; null when they fit. */
export function initialSettingsProblem(initial: ConversationSettingsInput | null | undefined, model: ChatModel): string | null {
  return initial ? settingsLimitProblem(initial, model) : null;
}
