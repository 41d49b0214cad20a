"use client";

import { Ban, CircleCheck, MoreHorizontal, ShieldCheck, ShieldOff, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { AdminUserRow } from "@/lib/db/admin-users";

export type UserAction = "promote" | "demote" | "disable" | "enable" | "delete";

type UserRowActionsProps = { user: AdminUserRow; isSelf: boolean; busy: boolean; onAction: (action: UserAction) => void };

/** The per-user menu. One's own account offers nothing that could lock oneself out. */
export function UserRowActions({ user, isSelf, busy, onAction }: UserRowActionsProps) {
  const label = user.name ?? user.email;
  return (
    // Not modal: a modal menu hides the page with aria-hidden while its controls stay focusable (axe).
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Actions for ${label}`} disabled={busy}>
          <MoreHorizontal aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {user.role === "admin" ? (
          <DropdownMenuItem disabled={isSelf} onSelect={() => onAction("demote")}>
            <ShieldOff aria-hidden="true" />
            Remove admin role
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem onSelect={() => onAction("promote")}>
            <ShieldCheck aria-hidden="true" />
            Make admin
          </DropdownMenuItem>
        )}
        {user.status === "disabled" ? (
          <DropdownMenuItem onSelect={() => onAction("enable")}>
            <CircleCheck aria-hidden="true" />
            Enable
          </DropdownMenuItem>
        ) : user.status === "active" ? (
          <DropdownMenuItem disabled={isSelf} onSelect={() => onAction("disable")}>
            <Ban aria-hidden="true" />
            Disable…
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem disabled={isSelf} onSelect={() => onAction("delete")} className="text-destructive focus:text-destructive [&_svg]:text-destructive">
          <Trash2 aria-hidden="true" />
          Delete…
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
