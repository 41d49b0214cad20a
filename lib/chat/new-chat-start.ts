import "server-only";
import { getChatModel } from "@/lib/models/chat-models";
import { type Continuation, loadContinuation } from "./continuation";
import { maxOutputTokensLimit } from "./generation-settings";
import type { PresetChip } from "./preset-chip";
import { getPreset, listPresets } from "./presets";
import type { ModelOption } from "./types";

type SignedInUser = { id: string; role: "admin" | "user" };

/** Where a seeded new chat comes from, as the page names it. */
export interface NewChatOrigin {
  kind: "preset" | "continued";
  name: string;
}

/** `?preset=id` or `?continue=id` of the new-chat page (ids checked before any query). */
export interface NewChatFrom {
  presetId?: string;
  continueId?: string;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface NewChatStart {
  presets: PresetChip[];
  /**
   * What the chat starts from: a preset (/?preset=id), or a conversation grown too long for its model
   * (/?continue=id); null for a blank chat, or a preset or conversation that is not the user's.
   */
  seed: { origin: NewChatOrigin; settings: Continuation["settings"]; draft: string } | null;
  modelId: string | null;
  model: { id: string; name: string; maxOutputTokensLimit: number } | null;
}

/** What the new-chat page needs: the user's presets as quick starts, and the chosen preset's settings and model. */
export async function loadNewChatStart(
  user: SignedInUser,
  models: ModelOption[],
  defaultModelId: string | null,
  from: NewChatFrom = {},
): Promise<NewChatStart> {
  const presetId = from.presetId && ID_PATTERN.test(from.presetId) ? from.presetId : null;
  const continueId = !presetId && from.continueId && ID_PATTERN.test(from.continueId) ? from.continueId : null;
  const [presets, preset, continuation] = await Promise.all([
    listPresets(user),
    presetId ? getPreset(user, presetId) : null,
    continueId ? loadContinuation(user, continueId) : null,
  ]);
  const seedModelId = preset ? preset.modelId : (continuation?.modelId ?? null);
  const modelId = (seedModelId && models.some((model) => model.id === seedModelId) ? seedModelId : null) ?? defaultModelId;
  const chatModel = modelId ? await getChatModel(user, modelId) : null;
  return {
    presets: presets.map(({ id, name }) => ({ id, name })),
    seed: preset
      ? {
          origin: { kind: "preset", name: preset.name },
          settings: { systemPrompt: preset.systemPrompt, temperature: preset.temperature, maxOutputTokens: preset.maxOutputTokens },
          draft: preset.prompt ?? "",
        }
      : continuation && { origin: { kind: "continued", name: continuation.title }, settings: continuation.settings, draft: continuation.draft },
    modelId,
    model: chatModel && { id: chatModel.id, name: chatModel.name, maxOutputTokensLimit: maxOutputTokensLimit(chatModel) },
  };
}
