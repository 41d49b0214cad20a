"use client";

import { SquarePen } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Button, buttonClasses } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils";
import { ConversationLink } from "./conversation-link";
import { useConversationList } from "./conversation-list-context";

/** "New chat" and the user's conversations, newest first. Shown as a column on wide screens, in a drawer on phones. */
export function ConversationSidebar({ onNavigate }: { onNavigate?: () => void }) {
  const { conversations, nextCursor, loadingMore, loadMore } = useConversationList();
  const pathname = usePathname();

  return (
    <nav aria-label="Conversations" className="flex min-h-0 flex-1 flex-col">
      <div className="p-3">
        <Link href="/" onClick={onNavigate} className={cn(buttonClasses({ variant: "secondary" }), "w-full justify-start")}>
          <SquarePen aria-hidden="true" />
          New chat
        </Link>
      </div>
      <h2 className="px-5 pt-2 pb-1.5 text-xs font-medium text-muted-foreground">Recent</h2>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
        {conversations.length === 0 ? (
          <p className="px-3 py-2 text-sm text-muted-foreground">No conversations yet.</p>
        ) : (
          <ul className="flex flex-col gap-0.5">
            {conversations.map((conversation) => (
              <li key={conversation.id}>
                <ConversationLink conversation={conversation} current={pathname === `/c/${conversation.id}`} onNavigate={onNavigate} />
              </li>
            ))}
          </ul>
        )}
        {nextCursor && (
          <Button variant="ghost" size="sm" className="mt-1 w-full text-muted-foreground" disabled={loadingMore} onClick={() => void loadMore()}>
            {loadingMore && <Spinner />}
            Show older
          </Button>
        )}
      </div>
    </nav>
  );
}
