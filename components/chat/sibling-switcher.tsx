"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import type { ChatMessageMetadata } from "@/lib/chat/types";
import { actionButton } from "./message-actions";

type Siblings = NonNullable<ChatMessageMetadata["siblings"]>;

type SiblingSwitcherProps = {
  siblings: Siblings;
  /** "answer": regenerated answers; "version": edited versions of a question. */
  kind: "answer" | "version";
  /** While an answer is written or a switch is on its way: the buttons do nothing. */
  disabled: boolean;
  onSwitch: (messageId: string) => void;
};

/**
 * "‹ 2 / 3 ›" between the alternatives of a message. The ends are marked aria-disabled rather than disabled, so the
 * button keeps the keyboard focus when it reaches the first or last alternative.
 */
export function SiblingSwitcher({ siblings, kind, disabled, onSwitch }: SiblingSwitcherProps) {
  const label = kind === "answer" ? "answer" : "version";
  const go = (id: string | null) => {
    if (id && !disabled) onSwitch(id);
  };
  return (
    <div role="group" aria-label={kind === "answer" ? "Answers" : "Versions"} className="flex items-center">
      <button
        type="button"
        className={actionButton}
        aria-label={`Previous ${label}`}
        title={`Previous ${label}`}
        aria-disabled={disabled || !siblings.previousId}
        onClick={() => go(siblings.previousId)}
      >
        <ChevronLeft aria-hidden="true" />
      </button>
      <span className="min-w-9 text-center text-xs text-muted-foreground tabular-nums">
        <span aria-hidden="true">
          {siblings.index} / {siblings.count}
        </span>
        <span className="sr-only">
          {kind === "answer" ? "Answer" : "Version"} {siblings.index} of {siblings.count}
        </span>
      </span>
      <button
        type="button"
        className={actionButton}
        aria-label={`Next ${label}`}
        title={`Next ${label}`}
        aria-disabled={disabled || !siblings.nextId}
        onClick={() => go(siblings.nextId)}
      >
        <ChevronRight aria-hidden="true" />
      </button>
    </div>
  );
}
