"use client";

import { Check, Copy, Pencil, RefreshCw, ThumbsDown, ThumbsUp } from "lucide-react";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/api/client";
import { cn } from "@/lib/utils";

export type Feedback = 1 | -1 | null;

type MessageActionsProps = {
  messageId: string;
  text: string;
  align: "start" | "end";
  /** Answers only: thumbs up and down. Undefined for the user's own messages. */
  feedback?: Feedback;
  onFeedback?: (value: Feedback) => void;
  /** The user's messages: opens the editor. */
  onEdit?: () => void;
  /** The last answer: writes a new one next to it. */
  onRegenerate?: () => void;
  /** "‹ 2 / 3 ›" when the message has alternatives. */
  switcher?: ReactNode;
};

/** How long "Copied" shows before the button reads "Copy" again. */
const COPIED_MS = 2_000;

export const actionButton =
  "inline-flex size-8 cursor-pointer items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring aria-pressed:text-foreground aria-pressed:bg-accent aria-disabled:cursor-default aria-disabled:opacity-40 aria-disabled:hover:bg-transparent [&_svg]:size-4";

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Below a message: its alternatives, copy, edit (questions), thumbs up / down and regenerate (answers). */
export function MessageActions({ messageId, text, align, feedback, onFeedback, onEdit, onRegenerate, switcher }: MessageActionsProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    if (!(await copyText(text))) return;
    setCopied(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), COPIED_MS);
  };

  const rate = (value: 1 | -1) => onFeedback?.(feedback === value ? null : value);

  return (
    <div
      role="group"
      aria-label="Message actions"
      data-message-id={messageId}
      className={cn("flex items-center gap-0.5", align === "end" ? "justify-end" : "pl-10")}
    >
      {switcher}
      <button type="button" className={actionButton} aria-label="Copy" title="Copy" onClick={() => void copy()}>
        {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
      </button>
      {onEdit && (
        <button type="button" className={actionButton} aria-label="Edit" title="Edit and send again" onClick={onEdit}>
          <Pencil aria-hidden="true" />
        </button>
      )}
      {onFeedback && (
        <>
          <button type="button" className={actionButton} aria-label="Good answer" title="Good answer" aria-pressed={feedback === 1} onClick={() => rate(1)}>
            <ThumbsUp aria-hidden="true" className={cn(feedback === 1 && "fill-current")} />
          </button>
          <button type="button" className={actionButton} aria-label="Bad answer" title="Bad answer" aria-pressed={feedback === -1} onClick={() => rate(-1)}>
            <ThumbsDown aria-hidden="true" className={cn(feedback === -1 && "fill-current")} />
          </button>
        </>
      )}
      {onRegenerate && (
        <button type="button" className={actionButton} aria-label="Regenerate" title="Write a new answer (this one is kept)" onClick={onRegenerate}>
          <RefreshCw aria-hidden="true" />
        </button>
      )}
      <span role="status" className="sr-only">
        {copied ? "Copied" : ""}
      </span>
    </div>
  );
}

/**
 * The ratings of a conversation's answers: as stored (in each answer's metadata), then changed optimistically and
 * saved per message.
 */
export function useMessageFeedback() {
  const [ratings, setRatings] = useState<Record<string, Feedback>>({});
  const latest = useRef(ratings);
  useEffect(() => {
    latest.current = ratings;
  });

  // Stable, so the messages that did not change skip rendering while an answer streams in.
  const rate = useCallback(async (messageId: string, value: Feedback, stored: Feedback) => {
    const previous = messageId in latest.current ? (latest.current[messageId] ?? null) : stored;
    setRatings((current) => ({ ...current, [messageId]: value }));
    // A rating that was not saved goes back to what it was.
    await apiFetch(`/api/messages/${encodeURIComponent(messageId)}/feedback`, { method: "POST", body: { value } }).catch(() =>
      setRatings((current) => ({ ...current, [messageId]: previous })),
    );
  }, []);

  return { ratings, rate };
}
