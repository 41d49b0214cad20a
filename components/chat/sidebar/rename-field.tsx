"use client";

import { type KeyboardEvent, useRef } from "react";

const MAX_TITLE_LENGTH = 200;

type RenameFieldProps = { title: string; onSave: (title: string) => void; onCancel: () => void };

/** The title, editable in place: Enter (or leaving the field) saves, Escape cancels. */
export function RenameField({ title, onSave, onCancel }: RenameFieldProps) {
  // Escape and Enter end the edit; the blur that follows when the field goes away must not act again.
  const finished = useRef(false);

  const finish = (value: string | null) => {
    if (finished.current) return;
    finished.current = true;
    const trimmed = value?.trim() ?? "";
    if (trimmed && trimmed !== title) onSave(trimmed);
    else onCancel();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      finish(event.currentTarget.value);
    } else if (event.key === "Escape") {
      // Inside the phone drawer, Escape would also close the drawer.
      event.preventDefault();
      event.stopPropagation();
      finish(null);
    }
  };

  return (
    <input
      aria-label="Conversation title"
      defaultValue={title}
      maxLength={MAX_TITLE_LENGTH}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onKeyDown={onKeyDown}
      onBlur={(event) => finish(event.currentTarget.value)}
      className="h-9 w-full min-w-0 rounded-md border border-ring bg-card px-2.5 text-sm text-foreground outline-none"
    />
  );
}
