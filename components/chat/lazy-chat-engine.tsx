"use client";

import { lazy, Suspense } from "react";
import type { ChatEngineProps } from "./chat-engine";

// The AI SDK (useChat, its stream parser and zod, about 100 KB gzip) is not needed to show the chat or to type in
// it: it loads from the first keystroke in the message box, at the latest with the first message, and at once on a
// page that shows a conversation (its answer may be resuming, and regenerate or edit must not wait).
const loadEngine = () => import("./chat-engine");
const ChatEngine = lazy(() => loadEngine().then((module) => ({ default: module.ChatEngine })));

/** Starts downloading the chat engine (the message box calls it on the first keystroke). */
export function preloadChatEngine(): void {
  void loadEngine();
}

export function LazyChatEngine(props: ChatEngineProps) {
  return (
    <Suspense fallback={null}>
      <ChatEngine {...props} />
    </Suspense>
  );
}
