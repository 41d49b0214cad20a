"use client";

import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import { Ellipsis, Pencil, Pin, PinOff, Trash2 } from "lucide-react";
import { useRef } from "react";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import type { ConversationSummary } from "@/lib/chat/types";
import { cn } from "@/lib/utils";

type ConversationActionsMenuProps = {
  conversation: ConversationSummary;
  onRename: () => void;
  onTogglePin: () => void;
  onDelete: () => void;
};

/** Rename, pin and delete for one conversation: a Radix menu, so it opens with Enter/Space and moves with the arrows. */
export function ConversationActionsMenu({ conversation, onRename, onTogglePin, onDelete }: ConversationActionsMenuProps) {
  // Rename and delete move focus elsewhere (the title field, the dialog): the menu must not pull it back to its button.
  const keepFocusWhereItGoes = useRef(false);
  const choose = (action: () => void, movesFocus: boolean) => () => {
    keepFocusWhereItGoes.current = movesFocus;
    action();
  };

  return (
    <DropdownMenuPrimitive.Root modal={false}>
      <DropdownMenuPrimitive.Trigger
        aria-label="Conversation actions"
        className={cn(
          "absolute top-1/2 right-1 flex size-7 -translate-y-1/2 cursor-pointer items-center justify-center rounded-md text-muted-foreground",
          "opacity-0 group-hover:opacity-100 focus-visible:opacity-100 data-[state=open]:opacity-100",
          "hover:bg-background hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring",
        )}
      >
        <Ellipsis aria-hidden="true" className="size-4" />
      </DropdownMenuPrimitive.Trigger>
      {/* No portal: inside the phone drawer (a modal <dialog>) everything outside the dialog is inert. */}
      <DropdownMenuPrimitive.Content
        align="end"
        sideOffset={4}
        loop
        onCloseAutoFocus={(event) => {
          if (keepFocusWhereItGoes.current) event.preventDefault();
          keepFocusWhereItGoes.current = false;
        }}
        className="z-50 min-w-40 overflow-hidden rounded-lg border bg-popover p-1 text-popover-foreground shadow-lg data-[state=open]:animate-menu-in"
      >
        <DropdownMenuItem onSelect={choose(onRename, true)}>
          <Pencil aria-hidden="true" />
          Rename
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={choose(onTogglePin, false)}>
          {conversation.pinned ? <PinOff aria-hidden="true" /> : <Pin aria-hidden="true" />}
          {conversation.pinned ? "Unpin" : "Pin"}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={choose(onDelete, true)} className="text-destructive focus:text-destructive [&_svg]:text-destructive">
          <Trash2 aria-hidden="true" />
          Delete
        </DropdownMenuItem>
      </DropdownMenuPrimitive.Content>
    </DropdownMenuPrimitive.Root>
  );
}
