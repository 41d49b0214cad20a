"use client";

import { useCallback, useState } from "react";
import { apiFetch } from "@/lib/api/client";
import type { ChatUIMessage } from "@/lib/chat/types";

/** How long Stop waits for the server to confirm before it cuts the local stream anyway. */
const STOP_CONFIRM_TIMEOUT_MS = 3_000;

/** The answer being shown ends as "stopped" (unless it already ended otherwise). */
function markStopped(messages: ChatUIMessage[]): ChatUIMessage[] {
  const last = messages.at(-1);
  if (last?.role !== "assistant") return messages;
  const status = last.metadata?.status;
  if (status !== undefined && status !== "streaming") return messages;
  const metadata = { createdAt: new Date().toISOString(), ...last.metadata, status: "stopped" as const };
  return [...messages.slice(0, -1), { ...last, metadata }];
}

/** The answer being written, when the browser already has its (the server's) id; before its first chunk it has none. */
export function answerBeingWritten(messages: ChatUIMessage[]): string | undefined {
  const last = messages.at(-1);
  if (last?.role !== "assistant") return undefined;
  const status = last.metadata?.status;
  return status === undefined || status === "streaming" ? last.id : undefined;
}

export type StopAnswerOptions = {
  conversationId: string;
  /** The messages shown now (read when Stop is pressed). */
  messages: () => ChatUIMessage[];
  /** How many requests (messages, regenerates, edits) were sent so far: each one starts a new answer. */
  requestsSent: () => number;
  /** useChat's own stop: closes the local stream (whichever is open when it is called). */
  stopLocalStream: () => Promise<void>;
  setMessages: (update: (messages: ChatUIMessage[]) => ChatUIMessage[]) => void;
};

/**
 * Stops the answer being written when Stop was pressed: first on the server (it goes on when only the browser goes
 * away), then the local stream. The stopped answer's end often arrives before the server's reply to the stop: Send is
 * back at once, and a message sent then starts a new answer, which neither the server nor the local stop may cut. So
 * the server is told which answer (once the browser knows its id), and the local stream is closed only while no new
 * request was sent since Stop was pressed.
 */
export async function stopAnswer({ conversationId, messages, requestsSent, stopLocalStream, setMessages }: StopAnswerOptions): Promise<void> {
  const request = requestsSent();
  const answerId = answerBeingWritten(messages());
  const query = answerId ? `?messageId=${encodeURIComponent(answerId)}` : "";
  // Whatever the server says (or nothing, in time), the local stream stops too.
  await apiFetch(`/api/chat/${encodeURIComponent(conversationId)}/stop${query}`, {
    method: "POST",
    signal: AbortSignal.timeout(STOP_CONFIRM_TIMEOUT_MS),
  }).catch(() => undefined);
  // A message sent meanwhile: the stopped answer has ended, and the stream open now is the new answer's.
  if (requestsSent() !== request) return;
  await stopLocalStream();
  setMessages(markStopped);
}

/** Stop for the chat (see stopAnswer), with `stopping` while the server confirms. */
export function useStopAnswer({ conversationId, messages, requestsSent, stopLocalStream, setMessages }: StopAnswerOptions) {
  const [stopping, setStopping] = useState(false);
  const stop = useCallback(async () => {
    setStopping(true);
    try {
      await stopAnswer({ conversationId, messages, requestsSent, stopLocalStream, setMessages });
    } finally {
      setStopping(false);
    }
  }, [conversationId, messages, requestsSent, setMessages, stopLocalStream]);
  return { stopping, stop };
}
