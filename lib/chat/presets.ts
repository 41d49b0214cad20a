import "server-only";
import {
  createPresetForUser,
  deletePresetForUser,
  getPresetForUser,
  listPresetsForUser,
  type PresetFields,
  type PresetRow,
  updatePresetForUser,
} from "@/lib/db/presets";
import { getChatModel } from "@/lib/models/chat-models";
import { normalizeSystemPrompt, settingsLimitProblem } from "./generation-settings";
import type { PresetView } from "./preset-view";

export const MAX_PRESETS_PER_USER = 100;

type SignedInUser = { id: string; role: "admin" | "user" };

export type { PresetView } from "./preset-view";

export type PresetInput = {
  name?: string;
  systemPrompt?: string | null;
  prompt?: string | null;
  modelId?: string | null;
  temperature?: number | null;
  maxOutputTokens?: number | null;
};

export type PresetResult = { ok: true; preset: PresetView } | { ok: false; status: 400 | 404 | 409; message: string };

export function toPresetView(row: PresetRow): PresetView {
  return {
    id: row.id,
    name: row.name,
    systemPrompt: row.systemPrompt,
    prompt: row.prompt,
    modelId: row.modelId,
    temperature: row.temperature,
    maxOutputTokens: row.maxOutputTokens,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function fieldsOf(input: PresetInput): Partial<PresetFields> {
  const fields: Partial<PresetFields> = {};
  if (input.name !== undefined) fields.name = input.name;
  if (input.systemPrompt !== undefined) fields.systemPrompt = normalizeSystemPrompt(input.systemPrompt);
  if (input.prompt !== undefined) fields.prompt = input.prompt?.trim() ? input.prompt : null;
  if (input.modelId !== undefined) fields.modelId = input.modelId;
  if (input.temperature !== undefined) fields.temperature = input.temperature;
  if (input.maxOutputTokens !== undefined) fields.maxOutputTokens = input.maxOutputTokens;
  return fields;
}

/** The model must be one the user may use, and the answer length within its limit. */
async function problemWith(user: SignedInUser, fields: PresetFields): Promise<string | null> {
  if (!fields.modelId) return null;
  const model = await getChatModel(user, fields.modelId);
  if (!model) return "This model is not available. Choose another model.";
  return settingsLimitProblem(fields, model);
}

export async function listPresets(user: SignedInUser): Promise<PresetView[]> {
  return (await listPresetsForUser({ userId: user.id })).map(toPresetView);
}

export async function getPreset(user: SignedInUser, id: string): Promise<PresetView | null> {
  const row = await getPresetForUser({ userId: user.id, id });
  return row && toPresetView(row);
}

export async function createPreset(user: SignedInUser, input: PresetInput & { name: string }): Promise<PresetResult> {
  const fields: PresetFields = {
    systemPrompt: null,
    prompt: null,
    modelId: null,
    temperature: null,
    maxOutputTokens: null,
    ...fieldsOf(input),
    name: input.name,
  };
  const problem = await problemWith(user, fields);
  if (problem) return { ok: false, status: 400, message: problem };
  const row = await createPresetForUser({ userId: user.id, fields, limit: MAX_PRESETS_PER_USER });
  if (!row) return { ok: false, status: 409, message: `You can keep at most ${MAX_PRESETS_PER_USER} presets. Delete one first.` };
  return { ok: true, preset: toPresetView(row) };
}

export async function updatePreset(user: SignedInUser, id: string, input: PresetInput): Promise<PresetResult> {
  const current = await getPresetForUser({ userId: user.id, id });
  if (!current) return { ok: false, status: 404, message: "This preset does not exist." };
  const changes = fieldsOf(input);
  const problem = await problemWith(user, { ...current, ...changes });
  if (problem) return { ok: false, status: 400, message: problem };
  const row = await updatePresetForUser({ userId: user.id, id, fields: changes });
  return row ? { ok: true, preset: toPresetView(row) } : { ok: false, status: 404, message: "This preset does not exist." };
}

export async function deletePreset(user: SignedInUser, id: string): Promise<boolean> {
  return deletePresetForUser({ userId: user.id, id });
}
