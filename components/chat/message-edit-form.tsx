"use client";

import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

type MessageEditFormProps = {
  initialText: string;
  /** False while an answer is being written: the edit can be prepared but not sent yet. */
  canSend: boolean;
  onSave: (text: string) => void;
  onCancel: () => void;
};

/** Edits a question in place: Enter (or "Save & send") sends it as a new version, Escape cancels. */
export function MessageEditForm({ initialText, canSend, onSave, onCancel }: MessageEditFormProps) {
  const [text, setText] = useState(initialText);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const trimmed = text.trim();
  const sendable = canSend && trimmed !== "";

  useEffect(() => {
    const field = textarea.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (sendable) onSave(trimmed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Escape") {
      // Marked handled: the chat's own Escape (stop the answer) leaves a handled key alone.
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };

  return (
    <form
      onSubmit={submit}
      className="ml-auto w-full max-w-[85%] rounded-2xl border border-input bg-card p-2 shadow-xs focus-within:border-ring focus-within:ring-3 focus-within:ring-ring/25"
    >
      <label htmlFor={id} className="sr-only">
        Edit message
      </label>
      <textarea
        ref={textarea}
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={2}
        className="block max-h-72 min-h-12 w-full resize-none bg-transparent px-2 py-1.5 text-[15px] leading-6 field-sizing-content focus:outline-none"
      />
      <div className="flex items-center justify-end gap-2 pt-1">
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={!sendable}>
          Save &amp; send
        </Button>
      </div>
    </form>
  );
}
