"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { type RefObject, useCallback, useLayoutEffect, useRef } from "react";
import type { SidebarRow } from "./group-by-date";
import { type RowWindow, rowHeight } from "./row-window";

type VirtualRowWindowProps = {
  rows: SidebarRow[];
  scrollElement: RefObject<HTMLDivElement | null>;
  /** The rows in view (and a few beyond), each time they change. */
  onChange: (window: RowWindow) => void;
};

/**
 * The virtualiser (@tanstack/react-virtual) of a long conversation list, loaded only for such a list. It renders
 * nothing: the list renders the rows it reports, so the rows on screen stay the same DOM elements (and keep focus)
 * when the list grows long enough to need it.
 */
export function VirtualRowWindow({ rows, scrollElement, onChange }: VirtualRowWindowProps) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement.current,
    // Stable while the rows are: a new one makes the virtualiser measure again, and report a new window.
    estimateSize: useCallback((index: number) => rowHeight(rows[index]), [rows]),
    getItemKey: useCallback((index: number) => rows[index]?.key ?? index, [rows]),
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const totalSize = virtualizer.getTotalSize();
  // Reporting re-renders the list, and with it this component: only a window that changed is reported, or the two
  // would render each other forever.
  const reported = useRef("");
  // Before the browser paints: the list never shows a frame with the previous rows.
  useLayoutEffect(() => {
    const inView = { items: items.map(({ index, start, size }) => ({ index, start, size })), totalSize };
    const signature = JSON.stringify(inView);
    if (signature === reported.current) return;
    reported.current = signature;
    onChange(inView);
  });
  return null;
}
