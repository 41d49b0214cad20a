"use client";

import { X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { useModalDialog } from "@/components/ui/dialog";
import { ConversationSidebar } from "./conversation-sidebar";

/** Tailwind's lg breakpoint, from which the sidebar is a column of the page (ChatFrame). */
const WIDE_SCREEN = "(min-width: 64rem)";

type ConversationDrawerProps = { open: boolean; onClose: () => void };

/** The sidebar on phones: a modal <dialog> (useModalDialog), so focus stays inside, Escape closes it and the page behind is inert. */
export function ConversationDrawer({ open, onClose }: ConversationDrawerProps) {
  const modal = useModalDialog(open, onClose);

  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  const pathname = usePathname();
  useEffect(() => {
    close.current();
  }, [pathname]);

  // On a wide screen the sidebar is back in the page, and a modal nobody can see would leave the page inert.
  useEffect(() => {
    const wide = window.matchMedia(WIDE_SCREEN);
    const onChange = () => wide.matches && close.current();
    wide.addEventListener("change", onChange);
    return () => wide.removeEventListener("change", onChange);
  }, []);

  return (
    <dialog
      ref={modal.ref}
      aria-label="Conversations"
      onClose={modal.onClose}
      onKeyDown={modal.onKeyDown}
      // A click on the backdrop lands on the <dialog> itself; clicks inside land on its content.
      onClick={(event) => event.target === event.currentTarget && onClose()}
      className="fixed inset-y-0 right-auto left-0 m-0 h-dvh max-h-none w-[min(20rem,85vw)] max-w-none border-r bg-background p-0 text-foreground shadow-lg backdrop:bg-black/40 lg:hidden"
    >
      {open && (
        <div className="flex h-full flex-col">
          <div className="flex h-14 shrink-0 items-center justify-between border-b pr-2 pl-5">
            <p className="text-[15px] font-semibold tracking-tight">Conversations</p>
            <Button variant="ghost" size="sm" aria-label="Close conversations" className="size-9 px-0" onClick={onClose}>
              <X aria-hidden="true" />
            </Button>
          </div>
          <ConversationSidebar onNavigate={onClose} />
        </div>
      )}
    </dialog>
  );
}
