"use client";

import { PanelLeft, SquarePen } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { ConversationDrawer } from "./conversation-drawer";
import { ConversationSidebar } from "./conversation-sidebar";

/** The chat area: conversations on the left (a drawer on phones), the open conversation on the right. */
export function ChatFrame({ children }: { children: ReactNode }) {
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <div className="flex flex-1">
      {/* Below the sticky 3.5rem header (plus its 1px border), scrolling on its own. */}
      <aside className="sticky top-14 hidden h-[calc(100dvh-3.5rem-1px)] w-72 shrink-0 flex-col border-r bg-card/40 lg:flex">
        <ConversationSidebar />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="sticky top-14 z-30 flex h-12 items-center justify-between border-b bg-background/85 px-2 backdrop-blur-md lg:hidden">
          <Button variant="ghost" size="sm" aria-haspopup="dialog" aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)}>
            <PanelLeft aria-hidden="true" />
            Conversations
          </Button>
          <Link href="/" aria-label="New chat" className={cn(buttonClasses({ variant: "ghost", size: "sm" }), "size-9 px-0")}>
            <SquarePen aria-hidden="true" />
          </Link>
        </div>
        {children}
      </div>
      <ConversationDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)} />
    </div>
  );
}
