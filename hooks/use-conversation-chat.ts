"use client";

import { useChat } from "@ai-sdk/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { createChatTransport } from "@/components/chat/chat-transport";
import { randomUuid } from "@/components/chat/random-uuid";
import { type ChatTitleData, TITLE_DATA_PART } from "@/lib/chat/data-parts";
import type { ChatUIMessage } from "@/lib/chat/types";

/** How long Stop waits for the server to confirm before it cuts the local stream anyway. */
const STOP_CONFIRM_TIMEOUT_MS = 3_000;

type ConversationChatOptions = {
  conversationId: string;
  initialMessages: ChatUIMessage[];
  /** The server is still writing an answer: resume its stream on mount. */
  generating: boolean;
  /** The server accepted a message (the conversation exists from then on). */
  onAccepted: () => void;
  /** An answer ended, however it ended (complete, stopped, failed). */
  onAnswerEnd: () => void;
  /** The server chose the conversation's title (after its first answer). */
  onTitle: (title: string) => void;
};

function markStopped(messages: ChatUIMessage[]): ChatUIMessage[] {
  const last = messages.at(-1);
  if (last?.role !== "assistant") return messages;
  const status = last.metadata?.status;
  if (status !== undefined && status !== "streaming") return messages;
  const metadata = { createdAt: new Date().toISOString(), ...last.metadata, status: "stopped" as const };
  return [...messages.slice(0, -1), { ...last, metadata }];
}

/** useChat wired to this app's chat API: one conversation, resumable, with a Stop that stops the server too. */
export function useConversationChat({ conversationId, initialMessages, generating, onAccepted, onAnswerEnd, onTitle }: ConversationChatOptions) {
  const router = useRouter();
  const callbacks = useRef({ onAccepted, onAnswerEnd, onTitle });
  useEffect(() => {
    callbacks.current = { onAccepted, onAnswerEnd, onTitle };
  });
  const [transport] = useState(() =>
    createChatTransport({
      onAccepted: () => callbacks.current.onAccepted(),
      // The page was rendered while the answer was being written: the stored copy is final now, load it.
      onNothingToResume: () => router.refresh(),
    }),
  );
  const chat = useChat<ChatUIMessage>({
    id: conversationId,
    messages: initialMessages,
    transport,
    generateId: randomUuid,
    resume: generating,
    onFinish: () => callbacks.current.onAnswerEnd(),
    onData: (part) => {
      const title = part.type === TITLE_DATA_PART ? (part.data as Partial<ChatTitleData>).title : undefined;
      if (typeof title === "string" && title) callbacks.current.onTitle(title);
    },
  });
  const { status, messages, setMessages, sendMessage, stop: stopLocalStream } = chat;
  const [stopping, setStopping] = useState(false);

  const send = useCallback(
    (text: string, modelId: string) => sendMessage({ text, metadata: { createdAt: new Date().toISOString() } }, { body: { modelId } }),
    [sendMessage],
  );

  const stop = useCallback(async () => {
    setStopping(true);
    try {
      // The server goes on generating when the browser goes away, so stopping the local stream alone stops nothing.
      await fetch(`/api/chat/${encodeURIComponent(conversationId)}/stop`, {
        method: "POST",
        signal: AbortSignal.timeout(STOP_CONFIRM_TIMEOUT_MS),
      }).catch(() => undefined);
      await stopLocalStream();
      setMessages(markStopped);
    } finally {
      setStopping(false);
    }
  }, [conversationId, setMessages, stopLocalStream]);

  // Fresh server props (after router.refresh) replace the local copy, unless an answer is streaming in: that is newer.
  const busy = useRef(false);
  useEffect(() => {
    busy.current = status === "submitted" || status === "streaming";
  }, [status]);
  const shownInitial = useRef(initialMessages);
  useEffect(() => {
    if (shownInitial.current === initialMessages) return;
    shownInitial.current = initialMessages;
    if (!busy.current) setMessages(initialMessages);
  }, [initialMessages, setMessages]);

  return { messages, status, error: chat.error, stopping, send, stop };
}
