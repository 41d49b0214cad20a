"use client";

import { Download, FileJson, FileText, SlidersHorizontal } from "lucide-react";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";
import { ConversationSettingsDialog } from "./settings/conversation-settings-dialog";
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
  const exportUrl = (format: "md" | "json") => `/api/chat/${encodeURIComponent(conversationId)}/export?format=${format}`;
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
      <ConversationSettingsDialog
        open={settingsOpen}
        onClose={() => setSettingsOpen(false)}
        subject={settings.subject}
        loadError={settings.loadError}
        onSave={settings.save}
        description="Applies to the next answers in this conversation."
      />
      {/* Not modal: a modal menu hides the page from screen readers with aria-hidden while its links stay focusable. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger className={cn(buttonClasses({ variant: "ghost", size: "sm" }), "text-muted-foreground data-[state=open]:bg-accent")}>
          <Download aria-hidden="true" />
          Export
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-52">
          {/* Plain links: the browser downloads the file itself (the route answers with Content-Disposition). */}
          <DropdownMenuItem asChild>
            <a href={exportUrl("md")} download>
              <FileText aria-hidden="true" />
              Export as Markdown
            </a>
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <a href={exportUrl("json")} download>
              <FileJson aria-hidden="true" />
              Export as JSON
            </a>
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
