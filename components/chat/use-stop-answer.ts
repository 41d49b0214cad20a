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

type StopOptions = {
  conversationId: string;
  /** useChat's own stop: closes the local stream. */
  stopLocalStream: () => Promise<void>;
  setMessages: (update: (messages: ChatUIMessage[]) => ChatUIMessage[]) => void;
};

/** Stop for the chat: the server stops writing (it goes on when only the browser goes away), then the local stream. */
export function useStopAnswer({ conversationId, stopLocalStream, setMessages }: StopOptions) {
  const [stopping, setStopping] = useState(false);
  const stop = useCallback(async () => {
    setStopping(true);
    try {
      // Whatever the server says (or nothing, in time), the local stream stops too.
      await apiFetch(`/api/chat/${encodeURIComponent(conversationId)}/stop`, {
        method: "POST",
        signal: AbortSignal.timeout(STOP_CONFIRM_TIMEOUT_MS),
      }).catch(() => undefined);
      await stopLocalStream();
      setMessages(markStopped);
    } finally {
      setStopping(false);
    }
  }, [conversationId, setMessages, stopLocalStream]);
  return { stopping, stop };
}
