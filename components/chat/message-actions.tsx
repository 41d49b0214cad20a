"use client";

import { Check, Copy, ThumbsDown, ThumbsUp } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";

export type Feedback = 1 | -1 | null;

type MessageActionsProps = {
  messageId: string;
  text: string;
  align: "start" | "end";
  /** Answers only: thumbs up and down. Undefined for the user's own messages. */
  feedback?: Feedback;
  onFeedback?: (value: Feedback) => void;
};

/** How long "Copied" shows before the button reads "Copy" again. */
const COPIED_MS = 2_000;

const actionButton =
  "inline-flex size-8 cursor-pointer items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring aria-pressed:text-foreground aria-pressed:bg-accent [&_svg]:size-4";

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Copy, and on answers thumbs up / down, below a message. */
export function MessageActions({ messageId, text, align, feedback, onFeedback }: MessageActionsProps) {
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
    <div role="group" aria-label="Message actions" data-message-id={messageId} className={cn("flex gap-0.5", align === "end" ? "justify-end" : "pl-10")}>
      <button type="button" className={actionButton} aria-label="Copy" title="Copy" onClick={() => void copy()}>
        {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
      </button>
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

  const rate = async (messageId: string, value: Feedback, stored: Feedback) => {
    const previous = ratings[messageId] ?? stored;
    setRatings((current) => ({ ...current, [messageId]: value }));
    const response = await fetch(`/api/messages/${encodeURIComponent(messageId)}/feedback`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ value }),
    }).catch(() => null);
    if (!response?.ok) setRatings((current) => ({ ...current, [messageId]: previous }));
  };

  return { ratings, rate };
}
