"use client";

import { type UseChatHelpers, useChat } from "@ai-sdk/react";
import type { ChatInit } from "ai";
import { useLayoutEffect, useState } from "react";
import type { ChatUIMessage } from "@/lib/chat/types";
import { createChatTransport } from "./chat-transport";
import { randomUuid } from "./random-uuid";

/** What useConversationChat reads and calls of useChat. */
export type ChatEngineHelpers = Pick<
  UseChatHelpers<ChatUIMessage>,
  "messages" | "status" | "error" | "setMessages" | "sendMessage" | "regenerate" | "clearError" | "stop"
>;

export type ChatEngineProps = Pick<ChatInit<ChatUIMessage>, "onError" | "onFinish"> & {
  conversationId: string;
  /** The messages shown so far: read once, when the engine mounts (as useChat reads them). */
  initialMessages: ChatUIMessage[];
  resume: boolean;
  transport: Parameters<typeof createChatTransport>[0];
  /** Called with useChat's state and functions whenever the state changed. */
  onChange: (helpers: ChatEngineHelpers) => void;
};

/**
 * useChat and the AI SDK behind it (with zod, which validates the stream), loaded when the chat is first used rather
 * than with the page (see LazyChatEngine): it renders nothing and hands its state up to useConversationChat.
 */
export function ChatEngine({ conversationId, initialMessages, resume, transport: callbacks, onError, onFinish, onChange }: ChatEngineProps) {
  const [transport] = useState(() => createChatTransport(callbacks));
  const { messages, status, error, setMessages, sendMessage, regenerate, clearError, stop } = useChat<ChatUIMessage>({
    id: conversationId,
    messages: initialMessages,
    transport,
    generateId: randomUuid,
    resume,
    onError,
    onFinish,
  });
  // Before the browser paints: a streamed token shows in the same frame as it would have with useChat in the page.
  useLayoutEffect(() => {
    onChange({ messages, status, error, setMessages, sendMessage, regenerate, clearError, stop });
  }, [onChange, messages, status, error, setMessages, sendMessage, regenerate, clearError, stop]);
  return null;
}
