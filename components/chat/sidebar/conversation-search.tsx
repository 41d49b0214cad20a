"use client";

import { Search, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, type ReactNode, useId, useState } from "react";
import { Spinner } from "@/components/ui/spinner";
import type { ConversationSearchResult } from "@/lib/chat/conversation-view";
import { cn } from "@/lib/utils";
import { SEARCH_MAX_LENGTH, useConversationSearch } from "./use-conversation-search";

type ConversationSearchProps = { onNavigate?: () => void; children: ReactNode };

/**
 * The search box over titles and message text. While it holds a query its results replace `children` (the list);
 * a combobox: the arrows move through the results, Enter opens one, Escape clears the query.
 */
export function ConversationSearch({ onNavigate, children }: ConversationSearchProps) {
  const [query, setQuery] = useState("");
  const [activeIndex, setActiveIndex] = useState(-1);
  const search = useConversationSearch(query);
  const router = useRouter();
  const listId = useId();
  const results = search.status === "done" ? search.results : [];
  const optionId = (index: number) => `${listId}-option-${index}`;

  const open = (result: ConversationSearchResult) => {
    router.push(`/c/${result.id}`);
    onNavigate?.();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (results.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActiveIndex((index) => (index + step + results.length) % results.length);
    } else if (event.key === "Enter") {
      const chosen = results[activeIndex] ?? results[0];
      if (!chosen) return;
      event.preventDefault();
      open(chosen);
    } else if (event.key === "Escape" && query) {
      // Clears the search instead of closing the phone drawer.
      event.preventDefault();
      event.stopPropagation();
      setQuery("");
    }
  };

  const changeQuery = (value: string) => {
    setQuery(value);
    setActiveIndex(-1);
  };

  const showResults = search.status !== "idle";

  return (
    <>
      <div className="relative px-3 pb-2">
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-5.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <input
          type="search"
          role="combobox"
          aria-label="Search conversations"
          aria-expanded={showResults}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showResults && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          placeholder="Search conversations"
          maxLength={SEARCH_MAX_LENGTH}
          value={query}
          onChange={(event) => changeQuery(event.target.value)}
          onKeyDown={onKeyDown}
          className={cn(
            "h-9 w-full min-w-0 rounded-md border border-input bg-card pr-8 pl-8 text-sm text-foreground shadow-xs",
            "placeholder:text-muted-foreground/70 focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 focus-visible:outline-none",
            "[&::-webkit-search-cancel-button]:hidden",
          )}
        />
        {query && (
          <button
            type="button"
            aria-label="Clear search"
            onClick={() => changeQuery("")}
            className="absolute top-1/2 right-4.5 flex size-6 -translate-y-1/2 cursor-pointer items-center justify-center rounded text-muted-foreground hover:text-foreground"
          >
            <X aria-hidden="true" className="size-3.5" />
          </button>
        )}
      </div>
      {showResults ? (
        <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
          {search.status === "loading" && (
            <p className="flex items-center gap-2 px-3 py-2 text-sm text-muted-foreground">
              <Spinner />
              Searching…
            </p>
          )}
          {search.status === "failed" && (
            <p role="alert" className="px-3 py-2 text-sm text-destructive">
              {search.message}
            </p>
          )}
          {search.status === "done" && results.length === 0 && <p className="px-3 py-2 text-sm text-muted-foreground">No conversations match.</p>}
          <ul id={listId} role="listbox" aria-label="Search results" className="flex flex-col gap-0.5">
            {results.map((result, index) => (
              <li
                key={result.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === activeIndex}
                // Keeps focus in the search box, so the arrows keep working after a click elsewhere in the list.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => open(result)}
                className="cursor-pointer rounded-md px-2.5 py-1.5 text-sm hover:bg-accent aria-selected:bg-accent"
              >
                <span className="block truncate font-medium">{result.title || "New chat"}</span>
                {result.snippet && <span className="line-clamp-2 text-xs text-muted-foreground">{result.snippet}</span>}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        children
      )}
    </>
  );
}
