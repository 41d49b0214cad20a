"use client";

import { useEffect, useState } from "react";
import type { ConversationSearchResult } from "@/lib/chat/conversation-view";
import { searchConversationsRequest } from "./conversation-api";

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 200;
/** Typing pauses shorter than this send no request. */
const DEBOUNCE_MS = 200;

export type SearchState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "done"; results: ConversationSearchResult[] }
  | { status: "failed"; message: string };

/** The server's results for `query` once the user pauses typing; a newer query cancels the request of an older one. */
export function useConversationSearch(query: string): SearchState {
  const trimmed = query.trim();
  const active = trimmed.length >= SEARCH_MIN_LENGTH;
  const [state, setState] = useState<SearchState>({ status: "idle" });

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    setState({ status: "loading" });
    const timer = setTimeout(() => {
      searchConversationsRequest(trimmed, controller.signal)
        .then((results) => setState({ status: "done", results }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setState({ status: "failed", message: error instanceof Error ? error.message : "The search failed." });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed, active]);

  return active ? state : { status: "idle" };
}
