"use client";

import { Check, Copy, ThumbsDown, ThumbsUp } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
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

const storedFeedbackSchema = z.object({
  messages: z.array(z.object({ id: z.string(), feedback: z.union([z.literal(1), z.literal(-1), z.null()]).catch(null) })),
});

/**
 * The ratings of a conversation's answers: loaded once for a stored conversation (from its JSON export, the one route
 * that lists them: the page's messages do not carry them), then changed optimistically and saved per message.
 */
export function useMessageFeedback(conversationId: string, stored: boolean) {
  const [ratings, setRatings] = useState<Record<string, Feedback>>({});

  useEffect(() => {
    if (!stored) return;
    const controller = new AbortController();
    fetch(`/api/chat/${encodeURIComponent(conversationId)}/export?format=json`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: unknown) => {
        const parsed = storedFeedbackSchema.safeParse(body);
        if (!parsed.success) return;
        const loaded = Object.fromEntries(parsed.data.messages.map((message) => [message.id, message.feedback]));
        // A rating given while this loaded is newer than the stored one.
        setRatings((current) => ({ ...loaded, ...current }));
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [conversationId, stored]);

  const rate = async (messageId: string, value: Feedback) => {
    const previous = ratings[messageId] ?? null;
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
