"use client";

import { memo, useEffect, useRef, useState } from "react";
import type { ChatUIMessage } from "@/lib/chat/types";
import { MessageActions } from "./message-actions";
import { MessageEditForm } from "./message-edit-form";
import { messageText } from "./message-text";
import { SiblingSwitcher } from "./sibling-switcher";
import { UserMessage } from "./user-message";

type UserTurnProps = {
  message: ChatUIMessage;
  /** An answer is being written or a branch is loading: no new version can be sent or shown yet. */
  busy: boolean;
  /** Absent where the message cannot be edited (not stored yet). */
  onEdit?: (messageId: string, text: string) => void;
  onSwitch: (messageId: string) => void;
};

/** One question with its actions; "Edit" turns it into an editor that sends the new text as a new version. */
export const UserTurn = memo(function UserTurn({ message, busy, onEdit, onSwitch }: UserTurnProps) {
  // Tied to the message, so switching to another version closes the editor.
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = editingId === message.id;
  const wrapper = useRef<HTMLDivElement>(null);
  const focusEditButton = useRef(false);
  const text = messageText(message);
  const siblings = message.metadata?.siblings;

  useEffect(() => {
    if (editing || !focusEditButton.current) return;
    focusEditButton.current = false;
    wrapper.current?.querySelector<HTMLButtonElement>('button[aria-label="Edit"]')?.focus();
  }, [editing]);

  const close = () => {
    focusEditButton.current = true;
    setEditingId(null);
  };

  return (
    <div ref={wrapper} className="flex flex-col gap-1">
      {editing && onEdit ? (
        <MessageEditForm
          initialText={text}
          canSend={!busy}
          onCancel={close}
          onSave={(newText) => {
            setEditingId(null);
            onEdit(message.id, newText);
          }}
        />
      ) : (
        <>
          <UserMessage text={text} />
          <MessageActions
            messageId={message.id}
            text={text}
            align="end"
            onEdit={onEdit && !busy ? () => setEditingId(message.id) : undefined}
            switcher={siblings && <SiblingSwitcher siblings={siblings} kind="version" disabled={busy} onSwitch={onSwitch} />}
          />
        </>
      )}
    </div>
  );
});
