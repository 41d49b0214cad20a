"use client";

import { Columns3, SquarePen } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { useConversationList } from "./conversation-list-context";
import { ConversationSearch } from "./sidebar/conversation-search";
import { LazyDeleteConversationDialog } from "./sidebar/lazy-delete-conversation-dialog";
import { useConversationActions } from "./sidebar/use-conversation-actions";
import { VirtualConversationList } from "./sidebar/virtual-conversation-list";

/**
 * "New chat", the search and the user's conversations grouped by date (pinned on top). Shown as a column on wide
 * screens, in a drawer on phones.
 */
export function ConversationSidebar({ onNavigate }: { onNavigate?: () => void }) {
  const { conversations, nextCursor, loadingMore, loadMore } = useConversationList();
  const pathname = usePathname();
  const { actions, renamingId, pendingDelete, deleting, confirmDelete, cancelDelete, error } = useConversationActions();

  return (
    <nav aria-label="Conversations" className="flex min-h-0 flex-1 flex-col">
      <div className="flex gap-2 p-3">
        <Link href="/" onClick={onNavigate} className={cn(buttonClasses({ variant: "secondary" }), "flex-1 justify-start")}>
          <SquarePen aria-hidden="true" />
          New chat
        </Link>
        <Link
          href="/compare"
          onClick={onNavigate}
          aria-current={pathname === "/compare" ? "page" : undefined}
          title="Compare models side by side (Ctrl+Shift+X)"
          className={cn(buttonClasses({ variant: "secondary" }), "aria-[current=page]:bg-accent")}
        >
          <Columns3 aria-hidden="true" />
          Compare
        </Link>
      </div>
      <ConversationSearch onNavigate={onNavigate}>
        {error && (
          <p role="alert" className="px-5 pb-2 text-sm text-destructive">
            {error}
          </p>
        )}
        <VirtualConversationList
          conversations={conversations}
          hasMore={nextCursor !== null}
          loadingMore={loadingMore}
          loadMore={() => void loadMore()}
          currentPath={pathname}
          renamingId={renamingId}
          actions={actions}
          onNavigate={onNavigate}
        />
      </ConversationSearch>
      <LazyDeleteConversationDialog conversation={pendingDelete} deleting={deleting} onConfirm={(c) => void confirmDelete(c)} onCancel={cancelDelete} />
    </nav>
  );
}
