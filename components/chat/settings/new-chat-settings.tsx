"use client";

import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import type { ConversationSettingsInput } from "@/lib/chat/generation-settings";
import type { NewChatOrigin } from "@/lib/chat/new-chat-start";
import type { PresetChip } from "@/lib/chat/preset-chip";
import { NO_SETTINGS, type SettingsValues } from "./settings-values";

/** How a new chat starts: from a preset or an earlier conversation (settings and first message), or blank. */
export interface NewChatSeed {
  origin: NewChatOrigin | null;
  settings: SettingsValues;
  draft: string;
}

interface NewChatSettings extends NewChatSeed {
  setSettings: (settings: SettingsValues) => void;
  presets: PresetChip[];
  /** The model the chat starts with and its answer-length ceiling (the server checks again on send). */
  modelId: string | null;
  modelName: string | null;
  maxOutputTokensLimit: number | null;
}

const NewChatSettingsContext = createContext<NewChatSettings | null>(null);

/** The settings of the chat about to start; null inside a stored conversation. */
export function useNewChatSettings(): NewChatSettings | null {
  return useContext(NewChatSettingsContext);
}

/** What the first message carries: only the values chosen (undefined when none was). */
export function firstMessageSettings(settings: SettingsValues | undefined): ConversationSettingsInput | undefined {
  if (!settings) return undefined;
  const chosen: ConversationSettingsInput = {};
  if (settings.systemPrompt) chosen.systemPrompt = settings.systemPrompt;
  if (settings.temperature !== null) chosen.temperature = settings.temperature;
  if (settings.maxOutputTokens !== null) chosen.maxOutputTokens = settings.maxOutputTokens;
  return Object.keys(chosen).length > 0 ? chosen : undefined;
}

type ProviderProps = {
  seed: NewChatSeed | null;
  presets: PresetChip[];
  model: { id: string; name: string; maxOutputTokensLimit: number } | null;
  children: ReactNode;
};

export function NewChatSettingsProvider({ seed, presets, model, children }: ProviderProps) {
  const [settings, setSettings] = useState<SettingsValues>(seed?.settings ?? NO_SETTINGS);
  const value = useMemo<NewChatSettings>(
    () => ({
      origin: seed?.origin ?? null,
      draft: seed?.draft ?? "",
      settings,
      setSettings,
      presets,
      modelId: model?.id ?? null,
      modelName: model?.name ?? null,
      maxOutputTokensLimit: model?.maxOutputTokensLimit ?? null,
    }),
    [seed, settings, presets, model],
  );
  return <NewChatSettingsContext value={value}>{children}</NewChatSettingsContext>;
}
