"use client";

import { useCallback, useState } from "react";
import { apiResult } from "@/lib/api/client";
import type { ConversationSettingsView } from "@/lib/chat/conversation-settings-view";
import type { SettingsSubject } from "./conversation-settings-dialog";
import type { SettingsValues } from "./settings-values";

function subjectOf(view: ConversationSettingsView): SettingsSubject {
  return {
    values: { systemPrompt: view.systemPrompt, temperature: view.temperature, maxOutputTokens: view.maxOutputTokens },
    modelId: view.model?.id ?? null,
    modelName: view.model?.name ?? null,
    maxOutputTokensLimit: view.model?.maxOutputTokensLimit ?? null,
  };
}

/** Loads a stored conversation's settings when the dialog opens, and saves them (PATCH /api/conversations/[id]). */
export function useConversationSettings(conversationId: string) {
  const [subject, setSubject] = useState<SettingsSubject | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const url = `/api/conversations/${encodeURIComponent(conversationId)}`;

  const load = useCallback(async () => {
    setSubject(null);
    setLoadError(null);
    const loaded = await apiResult<ConversationSettingsView>(url, { fallback: "The settings could not be loaded. Please try again." });
    if (loaded.ok) setSubject(subjectOf(loaded.value));
    else setLoadError(loaded.message);
  }, [url]);

  const save = useCallback(
    async (values: SettingsValues): Promise<string | null> => {
      const saved = await apiResult<{ settings: ConversationSettingsView }>(url, {
        method: "PATCH",
        body: values,
        fallback: "The settings could not be saved. Please try again.",
      });
      if (!saved.ok) return saved.message;
      setSubject(subjectOf(saved.value.settings));
      return null;
    },
    [url],
  );

  return { subject, loadError, load, save };
}
