"use client";

import { Ellipsis } from "lucide-react";
import { useLazyMenu } from "@/components/ui/lazy-menu";
import type { ConversationSummary } from "@/lib/chat/types";
import { cn } from "@/lib/utils";

type ConversationActionsMenuProps = {
  conversation: ConversationSummary;
  onRename: () => void;
  onTogglePin: () => void;
  onDelete: () => void;
};

// The menu (Radix) is not needed to show the sidebar: it loads when a conversation's menu is first opened.
const loadMenu = () => import("./loaded-conversation-actions-menu");

const triggerClassName = cn(
  "absolute top-1/2 right-1 flex size-7 -translate-y-1/2 cursor-pointer items-center justify-center rounded-md text-muted-foreground",
  "opacity-0 group-hover:opacity-100 focus-visible:opacity-100 data-[state=open]:opacity-100",
  "hover:bg-background hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring",
);

/** Rename, pin and delete for one conversation (see LoadedConversationActionsMenu). */
export function ConversationActionsMenu(props: ConversationActionsMenuProps) {
  const { loaded, triggerProps } = useLazyMenu(loadMenu);
  const trigger = <Ellipsis aria-hidden="true" className="size-4" />;
  if (!loaded)
    return (
      <button {...triggerProps} aria-label="Conversation actions" className={triggerClassName}>
        {trigger}
      </button>
    );
  const { LoadedConversationActionsMenu } = loaded.module;
  return <LoadedConversationActionsMenu {...props} triggerClassName={triggerClassName} trigger={trigger} openedBy={loaded.openedBy} />;
}
