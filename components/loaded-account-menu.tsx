"use client";

import { ChartColumn, LogOut, Trophy, UserRound } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import type { ReactNode } from "react";
import { ThemeMenuItems } from "@/components/theme/theme-menu-items";
import { Avatar } from "@/components/ui/avatar";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { type OpenedBy, useFirstOpenFocus } from "@/components/ui/lazy-menu";
import { navigateTo } from "@/lib/ui/navigation";
import { displayName } from "@/lib/ui/user-display";

type LoadedAccountMenuProps = {
  name: string | null;
  email: string;
  image: string | null;
  /** The trigger's look and content, the same as the plain button it replaces (see AccountMenu). */
  triggerClassName: string;
  trigger: ReactNode;
  openedBy: OpenedBy;
};

async function signOutToSignIn() {
  try {
    // redirect: false, then our own navigation: next-auth would send the browser to the URL it builds from its
    // configured origin, which is not always the address the user is on.
    await signOut({ callbackUrl: "/sign-in", redirect: false });
  } finally {
    navigateTo("/sign-in");
  }
}

/** The account menu itself, loaded when it is first opened (see AccountMenu); it mounts open. */
export function LoadedAccountMenu({ name, email, image, triggerClassName, trigger, openedBy }: LoadedAccountMenuProps) {
  const label = displayName({ name, email });
  const onFirstFocus = useFirstOpenFocus(openedBy);
  return (
    // Not modal: a modal menu hides the page from screen readers with aria-hidden while its links stay focusable.
    <DropdownMenu modal={false} defaultOpen>
      <DropdownMenuTrigger className={triggerClassName}>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64" onFocus={onFirstFocus}>
        <DropdownMenuLabel className="flex items-center gap-3 py-2">
          <Avatar name={name} email={email} image={image} className="size-9 text-xs" />
          <span className="flex min-w-0 flex-col">
            <span className="truncate font-medium">{label}</span>
            {label !== email && <span className="truncate text-xs text-muted-foreground">{email}</span>}
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <UserRound aria-hidden="true" />
            Your account
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/usage">
            <ChartColumn aria-hidden="true" />
            Your usage
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/leaderboard">
            <Trophy aria-hidden="true" />
            Leaderboard
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <ThemeMenuItems />
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void signOutToSignIn()}>
          <LogOut aria-hidden="true" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
