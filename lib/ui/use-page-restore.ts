"use client";

import { useEffect } from "react";

/**
 * Runs `onRestore` when the browser shows this page again from its back/forward cache, e.g. after the user backs out
 * of the identity provider: buttons left in their "busy" state would otherwise stay disabled.
 */
export function usePageRestore(onRestore: () => void): void {
  useEffect(() => {
    const handler = (event: PageTransitionEvent) => {
      if (event.persisted) onRestore();
    };
    window.addEventListener("pageshow", handler);
    return () => window.removeEventListener("pageshow", handler);
  }, [onRestore]);
}
