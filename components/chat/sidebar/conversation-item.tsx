"use client";

import type { ConversationSummary } from "@/lib/chat/types";
import { ConversationLink } from "../conversation-link";
import { ConversationActionsMenu } from "./conversation-actions-menu";
import { RenameField } from "./rename-field";

export type ConversationItemActions = {
  startRename: (id: string) => void;
  cancelRename: () => void;
  rename: (conversation: ConversationSummary, title: string) => void;
  togglePin: (conversation: ConversationSummary) => void;
  askDelete: (conversation: ConversationSummary) => void;
};

type ConversationItemProps = {
  conversation: ConversationSummary;
  current: boolean;
  renaming: boolean;
  actions: ConversationItemActions;
  onNavigate?: () => void;
};

/** One sidebar entry: the link to the conversation (or its title being edited) and its actions menu. */
export function ConversationItem({ conversation, current, renaming, actions, onNavigate }: ConversationItemProps) {
  if (renaming) {
    return <RenameField title={conversation.title} onSave={(title) => actions.rename(conversation, title)} onCancel={actions.cancelRename} />;
  }
  return (
    <div className="group relative">
      <ConversationLink conversation={conversation} current={current} onNavigate={onNavigate} className="pr-9" />
      <ConversationActionsMenu
        conversation={conversation}
        onRename={() => actions.startRename(conversation.id)}
        onTogglePin={() => actions.togglePin(conversation)}
        onDelete={() => actions.askDelete(conversation)}
      />
    </div>
  );
}
