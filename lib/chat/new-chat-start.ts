import "server-only";
import { getChatModel } from "@/lib/models/chat-models";
import { maxOutputTokensLimit } from "./generation-settings";
import type { PresetChip } from "./preset-chip";
import { getPreset, listPresets } from "./presets";
import type { ModelOption } from "./types";

type SignedInUser = { id: string; role: "admin" | "user" };

export interface NewChatStart {
  presets: PresetChip[];
  /** The preset the chat starts from (/?preset=id); null for a blank chat or a preset that is not the user's. */
  seed: { presetName: string; settings: { systemPrompt: string | null; temperature: number | null; maxOutputTokens: number | null }; draft: string } | null;
  modelId: string | null;
  model: { id: string; name: string; maxOutputTokensLimit: number } | null;
}

/** What the new-chat page needs: the user's presets as quick starts, and the chosen preset's settings and model. */
export async function loadNewChatStart(
  user: SignedInUser,
  models: ModelOption[],
  defaultModelId: string | null,
  presetId: string | undefined,
): Promise<NewChatStart> {
  const validId = presetId && /^[A-Za-z0-9_-]{1,64}$/.test(presetId) ? presetId : null;
  const [presets, preset] = await Promise.all([listPresets(user), validId ? getPreset(user, validId) : null]);
  const presetModel = preset?.modelId && models.some((model) => model.id === preset.modelId) ? preset.modelId : null;
  const modelId = presetModel ?? defaultModelId;
  const chatModel = modelId ? await getChatModel(user, modelId) : null;
  return {
    presets: presets.map(({ id, name }) => ({ id, name })),
    seed: preset && {
      presetName: preset.name,
      settings: { systemPrompt: preset.systemPrompt, temperature: preset.temperature, maxOutputTokens: preset.maxOutputTokens },
      draft: preset.prompt ?? "",
    },
    modelId,
    model: chatModel && { id: chatModel.id, name: chatModel.name, maxOutputTokensLimit: maxOutputTokensLimit(chatModel) },
  };
}
