import type { ReactNode } from "react";
import { ChatFrame } from "@/components/chat/chat-frame";
import { ConversationListProvider } from "@/components/chat/conversation-list-context";
import { CONVERSATION_PAGE_SIZE } from "@/components/chat/conversation-page-size";
import { SignedInShell } from "@/components/signed-in-shell";
import { mayEvaluate } from "@/lib/auth/evaluator";
import { requireUser } from "@/lib/auth/session";
import { listConversationSummaries } from "@/lib/chat/conversation-view";

export const dynamic = "force-dynamic";

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [firstPage, evaluates] = await Promise.all([
    listConversationSummaries(user.id, { limit: CONVERSATION_PAGE_SIZE }),
    user.role === "admin" ? false : mayEvaluate(user),
  ]);
  return (
    <SignedInShell user={user} current="chat" mayEvaluate={evaluates}>
      <ConversationListProvider initial={firstPage}>
        <ChatFrame>{children}</ChatFrame>
      </ConversationListProvider>
    </SignedInShell>
  );
}
