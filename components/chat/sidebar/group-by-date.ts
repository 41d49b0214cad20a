import type { ConversationSummary } from "@/lib/chat/types";

export type SidebarRow = { kind: "header"; key: string; label: string } | { kind: "conversation"; key: string; conversation: ConversationSummary };

const DAY_MS = 24 * 60 * 60 * 1000;

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** The group of an unpinned conversation, in the browser's time zone. */
export function dateGroupLabel(updatedAt: Date, now: Date): string {
  const today = startOfDay(now);
  const time = updatedAt.getTime();
  if (time >= today) return "Today";
  if (time >= today - DAY_MS) return "Yesterday";
  if (time >= today - 7 * DAY_MS) return "Previous 7 days";
  if (time >= today - 30 * DAY_MS) return "Previous 30 days";
  return updatedAt.toLocaleDateString("en-US", { month: "long", year: "numeric" });
}

function newestFirst(a: ConversationSummary, b: ConversationSummary): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? 1 : -1;
}

/** Flat rows for the virtual list: a header before each group (Pinned, Today, ..., then months), newest first. */
export function groupConversationsByDate(conversations: ConversationSummary[], now: Date): SidebarRow[] {
  const rows: SidebarRow[] = [];
  let currentLabel: string | null = null;
  for (const conversation of [...conversations].sort(newestFirst)) {
    const label = conversation.pinned ? "Pinned" : dateGroupLabel(new Date(conversation.updatedAt), now);
    if (label !== currentLabel) {
      rows.push({ kind: "header", key: `header:${label}`, label });
      currentLabel = label;
    }
    rows.push({ kind: "conversation", key: conversation.id, conversation });
  }
  return rows;
}
