"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { Spinner } from "@/components/ui/spinner";
import type { ConversationSummary } from "@/lib/chat/types";
import { ConversationItem, type ConversationItemActions } from "./conversation-item";
import { groupConversationsByDate, type SidebarRow } from "./group-by-date";

const HEADER_HEIGHT = 32;
const ITEM_HEIGHT = 38;
/** Rows before the end at which the next page is fetched, so scrolling rarely reaches a gap. */
const LOAD_AHEAD_ROWS = 20;

const subscribeNever = () => () => {};

type VirtualConversationListProps = {
  conversations: ConversationSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  currentPath: string;
  renamingId: string | null;
  actions: ConversationItemActions;
  onNavigate?: () => void;
};

/** The grouped conversations, only the rows in view in the DOM, so thousands of conversations stay fast. */
export function VirtualConversationList(props: VirtualConversationListProps) {
  const { conversations, hasMore, loadingMore, loadMore, currentPath, renamingId, actions, onNavigate } = props;
  // Groups depend on the browser's time zone and clock: the server and the hydrating render show none.
  const inBrowser = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const rows = useMemo<SidebarRow[]>(() => (inBrowser ? groupConversationsByDate(conversations, new Date()) : []), [conversations, inBrowser]);

  const scrollElement = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement.current,
    estimateSize: (index) => (rows[index]?.kind === "header" ? HEADER_HEIGHT : ITEM_HEIGHT),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 10,
  });
  const visible = virtualizer.getVirtualItems();

  const lastVisible = visible[visible.length - 1]?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && rows.length > 0 && lastVisible >= rows.length - LOAD_AHEAD_ROWS) loadMore();
  }, [hasMore, loadingMore, lastVisible, rows.length, loadMore]);

  if (conversations.length === 0) return <p className="px-5 py-2 text-sm text-muted-foreground">No conversations yet.</p>;

  return (
    <div ref={scrollElement} data-testid="conversation-scroller" className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
      <ul aria-label="Conversation list" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {visible.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            // Rows are placed with `top`, not a transform: a transform would become the containing block of the
            // actions menu's fixed positioning.
            <li key={item.key} className="absolute inset-x-0" style={{ top: item.start, height: item.size }}>
              {row.kind === "header" ? (
                <h3 className="px-3 pt-3 pb-1 text-xs font-medium text-muted-foreground">{row.label}</h3>
              ) : (
                <ConversationItem
                  conversation={row.conversation}
                  current={currentPath === `/c/${row.conversation.id}`}
                  renaming={renamingId === row.conversation.id}
                  actions={actions}
                  onNavigate={onNavigate}
                />
              )}
            </li>
          );
        })}
      </ul>
      {loadingMore && (
        <p className="flex items-center justify-center gap-2 py-2 text-xs text-muted-foreground">
          <Spinner />
          Loading older conversations…
        </p>
      )}
    </div>
  );
}
