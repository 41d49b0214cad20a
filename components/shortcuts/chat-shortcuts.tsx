"use client";

import { useEffect, useRef, useState } from "react";
import { copyText } from "@/components/chat/message-actions";
import { useShortcuts } from "@/hooks/use-shortcuts";

type ChatShortcutsProps = {
  /** An answer is being written: Escape stops it. */
  busy: boolean;
  onStop: () => void;
  /** The text of the newest answer, "" when there is none. */
  lastAnswerText: string;
};

const ANNOUNCEMENT_MS = 2_000;

/** The shortcuts of a conversation: Esc stops the answer, Ctrl+Shift+C copies the last one (announced). */
export function ChatShortcuts({ busy, onStop, lastAnswerText }: ChatShortcutsProps) {
  const [announcement, setAnnouncement] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copyLastAnswer = async () => {
    if (!lastAnswerText || !(await copyText(lastAnswerText))) return;
    setAnnouncement("Copied the last answer");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setAnnouncement(""), ANNOUNCEMENT_MS);
  };

  useShortcuts([
    // Escape in a text field or a dialog already means something there; elsewhere it stops the answer.
    ...(busy ? [{ key: "Escape", shift: false, run: onStop }] : []),
    { key: "c", mod: true, shift: true, inTextFields: true, run: () => void copyLastAnswer() },
  ]);

  return (
    <span role="status" className="sr-only">
      {announcement}
    </span>
  );
}
