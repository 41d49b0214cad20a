"use client";

import { SlidersHorizontal } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ExportMenu } from "./export-menu";
import { LazyConversationSettingsDialog } from "./settings/lazy-conversation-settings-dialog";
import { useConversationSettings } from "./settings/use-conversation-settings";

type ConversationHeaderProps = { conversationId: string; title: string };

/** Above the messages: the conversation's title, its settings and its export menu. */
export function ConversationHeader({ conversationId, title }: ConversationHeaderProps) {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settings = useConversationSettings(conversationId);
  const openSettings = () => {
    setSettingsOpen(true);
    void settings.load();
  };
  return (
    <div className="mx-auto flex w-full max-w-3xl items-center gap-3 px-4 pt-4 sm:px-6">
      <h1 className="min-w-0 flex-1 truncate text-sm font-medium text-muted-foreground">{title}</h1>
      <Button
        variant="ghost"
        size="sm"
        className="text-muted-foreground"
        aria-label="Conversation settings"
        title="Conversation settings"
        onClick={openSettings}
      >
        <SlidersHorizontal aria-hidden="true" />
        <span className="hidden sm:inline">Settings</span>
      </Button>
      <LazyConversationSettingsDialog
        open={settingsOpen}
        onClose={() => setSettingsOpen(false)}
        subject={settings.subject}
        loadError={settings.loadError}
        onSave={settings.save}
        description="Applies to the next answers in this conversation."
      />
      <ExportMenu conversationId={conversationId} />
    </div>
  );
}
