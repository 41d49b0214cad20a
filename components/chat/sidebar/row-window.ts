import type { SidebarRow } from "./group-by-date";

const HEADER_HEIGHT = 32;
const ITEM_HEIGHT = 38;

/** The rows to put in the DOM: their index in the list and their place in it, and the whole list's height. */
export type RowWindow = { items: { index: number; start: number; size: number }[]; totalSize: number };

export function rowHeight(row: SidebarRow | undefined): number {
  return row?.kind === "header" ? HEADER_HEIGHT : ITEM_HEIGHT;
}

/** Every row, one under the other, placed as the virtualiser would place them: for a list short enough to show whole. */
export function allRows(rows: SidebarRow[]): RowWindow {
  let totalSize = 0;
  const items = rows.map((row, index) => {
    const item = { index, start: totalSize, size: rowHeight(row) };
    totalSize += item.size;
    return item;
  });
  return { items, totalSize };
}
