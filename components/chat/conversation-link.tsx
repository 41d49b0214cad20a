import { Pin } from "lucide-react";
import Link from "next/link";
import type { ConversationSummary } from "@/lib/chat/types";
import { cn } from "@/lib/utils";

type ConversationLinkProps = { conversation: ConversationSummary; current: boolean; onNavigate?: () => void; className?: string };

export function ConversationLink({ conversation, current, onNavigate, className }: ConversationLinkProps) {
  return (
    <Link
      href={`/c/${conversation.id}`}
      // Dozens of links in view would each prefetch a dynamic page.
      prefetch={false}
      onClick={onNavigate}
      aria-current={current ? "page" : undefined}
      className={cn(
        "flex h-9 items-center gap-2 rounded-md px-2.5 text-sm text-muted-foreground transition-colors",
        "hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring",
        "aria-[current=page]:bg-accent aria-[current=page]:font-medium aria-[current=page]:text-foreground",
        className,
      )}
    >
      <span className="min-w-0 flex-1 truncate">{conversation.title || "New chat"}</span>
      {conversation.pinned && <Pin aria-label="Pinned" className="size-3.5 shrink-0" />}
    </Link>
  );
}
