"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { ConversationSummary } from "@/lib/chat/types";

type DeleteConversationDialogProps = {
  conversation: ConversationSummary | null;
  deleting: boolean;
  onConfirm: (conversation: ConversationSummary) => void;
  onCancel: () => void;
};

/** Asks before a conversation and its messages are deleted for good. A modal <dialog>: Escape cancels. */
export function DeleteConversationDialog({ conversation, deleting, onConfirm, onCancel }: DeleteConversationDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (conversation && !element.open) element.showModal();
    if (!conversation && element.open) element.close();
  }, [conversation]);

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={onCancel}
      className="m-auto w-[min(26rem,90vw)] rounded-xl border bg-background p-5 text-foreground shadow-xl backdrop:bg-black/40"
    >
      {conversation && (
        <>
          <h2 id={titleId} className="text-base font-semibold">
            Delete conversation?
          </h2>
          <p id={descriptionId} className="mt-2 text-sm text-muted-foreground">
            “{conversation.title || "New chat"}” and all its messages will be deleted. This cannot be undone.
          </p>
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="secondary" autoFocus onClick={onCancel}>
              Cancel
            </Button>
            <Button className="bg-destructive text-white hover:bg-destructive/90" disabled={deleting} onClick={() => onConfirm(conversation)}>
              Delete
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}
