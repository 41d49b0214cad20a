"use client";

import { useCallback, useState } from "react";
import type { ConversationSettingsView } from "@/lib/chat/conversation-settings-view";
import type { SettingsSubject } from "./conversation-settings-dialog";
import { responseError, type SettingsValues } from "./settings-values";

const OFFLINE = "The server cannot be reached. Check your connection and try again.";

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
    try {
      const response = await fetch(url, { cache: "no-store" });
      if (!response.ok) return setLoadError(await responseError(response, "The settings could not be loaded. Please try again."));
      setSubject(subjectOf((await response.json()) as ConversationSettingsView));
    } catch {
      setLoadError(OFFLINE);
    }
  }, [url]);

  const save = useCallback(
    async (values: SettingsValues): Promise<string | null> => {
      try {
        const response = await fetch(url, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(values) });
        if (!response.ok) return responseError(response, "The settings could not be saved. Please try again.");
        const body = (await response.json()) as { settings: ConversationSettingsView };
        setSubject(subjectOf(body.settings));
        return null;
      } catch {
        return OFFLINE;
      }
    },
    [url],
  );

  return { subject, loadError, load, save };
}
