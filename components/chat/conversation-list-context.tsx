"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { apiFetch } from "@/lib/api/client";
import type { ConversationSummary } from "@/lib/chat/types";
import { CONVERSATION_PAGE_SIZE } from "./conversation-page-size";

type ConversationPage = { conversations: ConversationSummary[]; nextCursor: string | null };

type ConversationList = ConversationPage & {
  loadingMore: boolean;
  /** Puts a conversation at the top at once, before the server's list knows it (a new chat, a new message). */
  upsert: (id: string, changes: Partial<Omit<ConversationSummary, "id">>) => void;
  /** Changes a conversation where it is (rename, pin), without moving it to the top as activity would. */
  change: (id: string, changes: Partial<Omit<ConversationSummary, "id">>) => void;
  /** Takes a deleted conversation off the list. */
  remove: (id: string) => void;
  /** Reloads the newest page from the server (e.g. for a title set after the first answer). */
  refresh: () => Promise<void>;
  /** Reloads now and a few times more: a new chat's title is written just after its first answer has ended. */
  refreshForTitle: () => void;
  loadMore: () => Promise<void>;
};

/**
 * The server writes a new chat's title after the first answer's stream has closed (a second, short call to the model),
 * so that the answer ends with its last token: the list is read again this long after the answer.
 */
const TITLE_RECHECKS_MS = [0, 1_000, 3_000, 8_000];

const ConversationListContext = createContext<ConversationList | null>(null);

async function fetchPage(cursor: string | null): Promise<ConversationPage | null> {
  const query = new URLSearchParams({ limit: String(CONVERSATION_PAGE_SIZE) });
  if (cursor) query.set("cursor", cursor);
  try {
    const page = await apiFetch<ConversationPage>(`/api/conversations?${query}`);
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

  const change = useCallback((id: string, changes: Partial<Omit<ConversationSummary, "id">>) => {
    setPage((current) => ({
      ...current,
      conversations: current.conversations.map((item) => (item.id === id ? { ...item, ...changes } : item)),
    }));
  }, []);

  const remove = useCallback((id: string) => {
    setPage((current) => ({ ...current, conversations: withoutIds(current.conversations, new Set([id])) }));
  }, []);

  const refresh = useCallback(async () => {
    const fresh = await fetchPage(null);
    if (fresh) setPage(fresh);
  }, []);

  const refreshForTitle = useCallback(() => {
    for (const delayMs of TITLE_RECHECKS_MS) setTimeout(() => void refresh(), delayMs);
  }, [refresh]);

  // Scrolling asks again on every frame near the end: one request at a time.
  const loading = useRef(false);
  const loadMore = useCallback(async () => {
    if (!page.nextCursor || loading.current) return;
    loading.current = true;
    setLoadingMore(true);
    const more = await fetchPage(page.nextCursor);
    loading.current = false;
    setLoadingMore(false);
    if (!more) return;
    setPage((current) => {
      const ids = new Set(current.conversations.map((item) => item.id));
      return { conversations: [...current.conversations, ...withoutIds(more.conversations, ids)], nextCursor: more.nextCursor };
    });
  }, [page.nextCursor]);

  const value = useMemo(
    () => ({ ...page, loadingMore, upsert, change, remove, refresh, refreshForTitle, loadMore }),
    [page, loadingMore, upsert, change, remove, refresh, refreshForTitle, loadMore],
  );
  return <ConversationListContext value={value}>{children}</ConversationListContext>;
}

export function useConversationList(): ConversationList {
  const list = useContext(ConversationListContext);
  if (!list) throw new Error("useConversationList must be used inside <ConversationListProvider>");
  return list;
}
