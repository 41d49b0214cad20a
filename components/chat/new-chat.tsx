"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { NewChatStart } from "@/lib/chat/new-chat-start";
import type { ChatUIMessage, ModelOption } from "@/lib/chat/types";
import { ChatView } from "./chat-view";
import { randomUuid } from "./random-uuid";
import { NewChatSettingsProvider } from "./settings/new-chat-settings";

// One array for every render: a new one would read as fresh server messages (see useConversationChat).
const NO_MESSAGES: ChatUIMessage[] = [];

type NewChatProps = {
  models: ModelOption[];
  defaultModelId: string | null;
  firstName: string;
  /** The user's presets, and the one this chat starts from (its settings, model and first message). */
  start: Pick<NewChatStart, "presets" | "seed" | "model">;
};

/**
 * A new chat, with an id made in the browser. The chat takes the address /c/{id} after its first message without a
 * navigation, so the router still holds this page: a later link to "/" shows it again instead of fetching a fresh
 * one. Coming back to "/" therefore starts another chat here, with another id.
 */
export function NewChat({ models, defaultModelId, firstName, start }: NewChatProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [conversationId, setConversationId] = useState(randomUuid);
  const previousPathname = useRef(pathname);

  useEffect(() => {
    const previous = previousPathname.current;
    previousPathname.current = pathname;
    if (pathname === previous) return;
    if (pathname === "/") setConversationId(randomUuid());
    // Back/forward to the address of another conversation that this page once became: show that conversation.
    else if (pathname !== `/c/${conversationId}`) router.refresh();
  }, [conversationId, pathname, router]);

  return (
    <NewChatSettingsProvider key={conversationId} seed={start.seed} presets={start.presets} model={start.model}>
      <ChatView
        key={conversationId}
        conversationId={conversationId}
        isNew
        title="New chat"
        initialMessages={NO_MESSAGES}
        generating={false}
        models={models}
        initialModelId={defaultModelId}
        firstName={firstName}
      />
    </NewChatSettingsProvider>
  );
}
