"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ConversationSummary } from "@/lib/chat/types";

type DeleteConversationDialogProps = {
  conversation: ConversationSummary | null;
  deleting: boolean;
  onConfirm: (conversation: ConversationSummary) => void;
  onCancel: () => void;
};

/** Asks before a conversation and its messages are deleted for good. */
export function DeleteConversationDialog({ conversation, deleting, onConfirm, onCancel }: DeleteConversationDialogProps) {
  return (
    <ConfirmDialog
      open={conversation !== null}
      title="Delete conversation?"
      description={<>“{conversation?.title || "New chat"}” and all its messages will be deleted. This cannot be undone.</>}
      confirmLabel="Delete"
      busy={deleting}
      onConfirm={() => conversation && onConfirm(conversation)}
      onCancel={onCancel}
    />
  );
}
