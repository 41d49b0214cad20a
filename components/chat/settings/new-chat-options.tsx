"use client";

import { Bookmark, SlidersHorizontal } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LazyConversationSettingsDialog } from "./lazy-conversation-settings-dialog";
import { firstMessageSettings, useNewChatSettings } from "./new-chat-settings";
import type { SettingsValues } from "./settings-values";

const chipClasses =
  "inline-flex h-8 max-w-56 items-center gap-1.5 rounded-full border border-border bg-card px-3 text-[13px] font-medium text-foreground shadow-xs transition-colors hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** Under the welcome of a new chat: quick starts from the user's presets, and settings before the first message. */
export function NewChatOptions() {
  const newChat = useNewChatSettings();
  const [open, setOpen] = useState(false);
  if (!newChat) return null;
  const customized = firstMessageSettings(newChat.settings) !== undefined;

  const save = async (values: SettingsValues) => {
    newChat.setSettings(values);
    return null;
  };

  return (
    <div className="mt-6 flex w-full flex-col items-center gap-4">
      {newChat.presets.length > 0 && (
        <nav aria-label="Start from a preset" className="w-full">
          <ul className="flex flex-wrap justify-center gap-2">
            {newChat.presets.map((preset) => (
              <li key={preset.id}>
                <Link href={`/?preset=${encodeURIComponent(preset.id)}`} className={chipClasses} title={`Start a chat from the preset “${preset.name}”`}>
                  <Bookmark aria-hidden="true" className="size-3.5 shrink-0 text-muted-foreground" />
                  <span className="truncate">{preset.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="flex flex-wrap items-center justify-center gap-x-3 gap-y-1 text-[13px] text-muted-foreground">
        {newChat.origin?.kind === "preset" && (
          <span data-testid="active-preset">
            Preset: <span className="font-medium text-foreground">{newChat.origin.name}</span>
          </span>
        )}
        {newChat.origin?.kind === "continued" && (
          <span data-testid="continued-from">
            Continues: <span className="font-medium text-foreground">{newChat.origin.name}</span>
          </span>
        )}
        <Button variant="ghost" size="sm" className="text-muted-foreground" onClick={() => setOpen(true)}>
          <SlidersHorizontal aria-hidden="true" />
          {customized ? "Conversation settings (changed)" : "Conversation settings"}
        </Button>
        <Link href="/presets" className="underline-offset-4 hover:text-foreground hover:underline">
          Manage presets
        </Link>
      </div>
      <LazyConversationSettingsDialog
        open={open}
        onClose={() => setOpen(false)}
        subject={{
          values: newChat.settings,
          modelId: newChat.modelId,
          modelName: newChat.modelName,
          maxOutputTokensLimit: newChat.maxOutputTokensLimit,
        }}
        loadError={null}
        onSave={save}
        description="Applies from the first message of this chat. You can change them later from the conversation's header."
      />
    </div>
  );
}
