"use client";

import { lazy, Suspense, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Spinner } from "@/components/ui/spinner";
import type { ConversationSummary } from "@/lib/chat/types";
import { ConversationItem, type ConversationItemActions } from "./conversation-item";
import { groupConversationsByDate, type SidebarRow } from "./group-by-date";
import { allRows, type RowWindow } from "./row-window";

/** Rows before the end at which the next page is fetched, so scrolling rarely reaches a gap. */
const LOAD_AHEAD_ROWS = 20;
/** Up to this many rows (a whole first page with its date headers fits) the list is shown whole, without the virtualiser. */
const WHOLE_LIST_MAX_ROWS = 100;

// The virtualiser is not needed for a list that fits in one page, as most users' lists do: it loads only for a longer
// list, or one with more pages to fetch on scrolling.
const VirtualRowWindow = lazy(() => import("./virtual-row-window").then((module) => ({ default: module.VirtualRowWindow })));

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

/**
 * The grouped conversations. A long list has only the rows in view in the DOM (VirtualRowWindow), so thousands of
 * conversations stay fast; until the virtualiser has loaded, and in a short list, every row is there.
 */
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
  // Once virtual, always virtual: a list that shrinks back keeps its rows where they are.
  const [virtual, setVirtual] = useState(false);
  if (!virtual && rows.length > 0 && (hasMore || rows.length > WHOLE_LIST_MAX_ROWS)) setVirtual(true);
  const [virtualWindow, setVirtualWindow] = useState<RowWindow | null>(null);
  const wholeList = useMemo(() => allRows(rows), [rows]);
  const shown = (virtual && virtualWindow) || wholeList;

  // Only the virtualiser knows how far the user has scrolled; before it has loaded, the first page is all there is.
  const lastVisible = virtual ? (virtualWindow?.items.at(-1)?.index ?? -1) : -1;
  useEffect(() => {
    if (hasMore && !loadingMore && rows.length > 0 && lastVisible >= rows.length - LOAD_AHEAD_ROWS) loadMore();
  }, [hasMore, loadingMore, lastVisible, rows.length, loadMore]);

  if (conversations.length === 0) return <p className="px-5 py-2 text-sm text-muted-foreground">No conversations yet.</p>;

  return (
    <div ref={scrollElement} data-testid="conversation-scroller" className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
      <ul aria-label="Conversation list" className="relative w-full" style={{ height: shown.totalSize }}>
        {shown.items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            // Rows are placed with `top`, not a transform: a transform would become the containing block of the
            // actions menu's fixed positioning.
            <li key={row.key} className="absolute inset-x-0" style={{ top: item.start, height: item.size }}>
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
      {virtual && (
        <Suspense fallback={null}>
          <VirtualRowWindow rows={rows} scrollElement={scrollElement} onChange={setVirtualWindow} />
        </Suspense>
      )}
    </div>
  );
}
