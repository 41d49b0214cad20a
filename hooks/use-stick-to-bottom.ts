"use client";

import { useCallback, useEffect, useLayoutEffect, useRef } from "react";

/** Closer than this to the bottom counts as "reading the newest text". */
const NEAR_BOTTOM_PX = 160;

function distanceFromBottom(): number {
  const page = document.documentElement;
  return page.scrollHeight - (window.scrollY + window.innerHeight);
}

/**
 * Keeps the page scrolled to the end while text streams in, unless the user scrolled up to read: then it leaves
 * the page alone until they come back down. `content` is anything that changes when the text grows.
 */
export function useStickToBottom(content: unknown): { scrollToBottom: () => void } {
  const following = useRef(true);

  useEffect(() => {
    const onScroll = () => {
      following.current = distanceFromBottom() < NEAR_BOTTOM_PX;
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, []);

  const scrollToBottom = useCallback(() => {
    following.current = true;
    window.scrollTo({ top: document.documentElement.scrollHeight });
  }, []);

  useLayoutEffect(() => {
    if (following.current) window.scrollTo({ top: document.documentElement.scrollHeight });
  }, [content]);

  return { scrollToBottom };
}
