"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ConversationSummary } from "@/lib/chat/types";
import { CONVERSATION_PAGE_SIZE } from "./conversation-page-size";

type ConversationPage = { conversations: ConversationSummary[]; nextCursor: string | null };

type ConversationList = ConversationPage & {
  loadingMore: boolean;
  /** Puts a conversation at the top at once, before the server's list knows it (a new chat, a new message). */
  upsert: (id: string, changes: Partial<Omit<ConversationSummary, "id">>) => void;
  /** Reloads the newest page from the server (e.g. for a title set after the first answer). */
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
};

const ConversationListContext = createContext<ConversationList | null>(null);

async function fetchPage(cursor: string | null): Promise<ConversationPage | null> {
  const query = new URLSearchParams({ limit: String(CONVERSATION_PAGE_SIZE) });
  if (cursor) query.set("cursor", cursor);
  try {
    const response = await fetch(`/api/conversations?${query}`, { cache: "no-store" });
    if (!response.ok) return null;
    const page = (await response.json()) as ConversationPage;
    return { conversations: page.conversations, nextCursor: page.nextCursor ?? null };
  } catch {
    // The list is a convenience: a failed reload keeps the one on screen.
    return null;
  }
}

function withoutIds(list: ConversationSummary[], ids: Set<string>): ConversationSummary[] {
  return list.filter((item) => !ids.has(item.id));
}

/** The signed-in user's conversations for the sidebar: rendered by the server first, then kept fresh here. */
export function ConversationListProvider({ initial, children }: { initial: ConversationPage; children: ReactNode }) {
  const [page, setPage] = useState<ConversationPage>(initial);
  const [loadingMore, setLoadingMore] = useState(false);

  // A server re-render (router.refresh) brings a fresher first page.
  const lastInitial = useRef(initial);
  useEffect(() => {
    if (lastInitial.current === initial) return;
    lastInitial.current = initial;
    setPage(initial);
  }, [initial]);

  const upsert = useCallback((id: string, changes: Partial<Omit<ConversationSummary, "id">>) => {
    setPage((current) => {
      const existing = current.conversations.find((item) => item.id === id);
      const base = existing ?? { id, title: "New chat", modelId: null, pinned: false, updatedAt: new Date().toISOString() };
      return { ...current, conversations: [{ ...base, ...changes }, ...withoutIds(current.conversations, new Set([id]))] };
    });
  }, []);

  const refresh = useCallback(async () => {
    const fresh = await fetchPage(null);
    if (fresh) setPage(fresh);
  }, []);

  const loadMore = useCallback(async () => {
    if (!page.nextCursor) return;
    setLoadingMore(true);
    const more = await fetchPage(page.nextCursor);
    setLoadingMore(false);
    if (!more) return;
    setPage((current) => {
      const ids = new Set(current.conversations.map((item) => item.id));
      return { conversations: [...current.conversations, ...withoutIds(more.conversations, ids)], nextCursor: more.nextCursor };
    });
  }, [page.nextCursor]);

  const value = useMemo(() => ({ ...page, loadingMore, upsert, refresh, loadMore }), [page, loadingMore, upsert, refresh, loadMore]);
  return <ConversationListContext value={value}>{children}</ConversationListContext>;
}

export function useConversationList(): ConversationList {
  const list = useContext(ConversationListContext);
  if (!list) throw new Error("useConversationList must be used inside <ConversationListProvider>");
  return list;
}
