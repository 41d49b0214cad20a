"use client";

import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import { Pencil, Pin, PinOff, Trash2 } from "lucide-react";
import { type ReactNode, useRef } from "react";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { type OpenedBy, useFirstOpenFocus } from "@/components/ui/lazy-menu";
import type { ConversationSummary } from "@/lib/chat/types";

type LoadedConversationActionsMenuProps = {
  conversation: ConversationSummary;
  onRename: () => void;
  onTogglePin: () => void;
  onDelete: () => void;
  /** The trigger's look and content, the same as the plain button it replaces (see ConversationActionsMenu). */
  triggerClassName: string;
  trigger: ReactNode;
  openedBy: OpenedBy;
};

/**
 * Rename, pin and delete for one conversation: a Radix menu, so it opens with Enter/Space and moves with the arrows.
 * Loaded when first opened (see ConversationActionsMenu); it mounts open.
 */
export function LoadedConversationActionsMenu({
  conversation,
  onRename,
  onTogglePin,
  onDelete,
  triggerClassName,
  trigger,
  openedBy,
}: LoadedConversationActionsMenuProps) {
  const onFirstFocus = useFirstOpenFocus(openedBy);
  // Rename and delete move focus elsewhere (the title field, the dialog): the menu must not pull it back to its button.
  const keepFocusWhereItGoes = useRef(false);
  const choose = (action: () => void, movesFocus: boolean) => () => {
    keepFocusWhereItGoes.current = movesFocus;
    action();
  };

  return (
    <DropdownMenuPrimitive.Root modal={false} defaultOpen>
      <DropdownMenuPrimitive.Trigger aria-label="Conversation actions" className={triggerClassName}>
        {trigger}
      </DropdownMenuPrimitive.Trigger>
      {/* No portal: inside the phone drawer (a modal <dialog>) everything outside the dialog is inert. */}
      <DropdownMenuPrimitive.Content
        align="end"
        sideOffset={4}
        loop
        onFocus={onFirstFocus}
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
