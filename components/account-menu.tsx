"use client";

import { ChartColumn, ChevronsUpDown, LogOut, Trophy, UserRound } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
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
import { navigateTo } from "@/lib/ui/navigation";
import { displayName } from "@/lib/ui/user-display";

type AccountMenuProps = { name: string | null; email: string; image: string | null };

async function signOutToSignIn() {
  try {
    // redirect: false, then our own navigation: next-auth would send the browser to the URL it builds from its
    // configured origin, which is not always the address the user is on.
    await signOut({ callbackUrl: "/sign-in", redirect: false });
  } finally {
    navigateTo("/sign-in");
  }
}

export function AccountMenu({ name, email, image }: AccountMenuProps) {
  const label = displayName({ name, email });
  return (
    // Not modal: a modal menu hides the page from screen readers with aria-hidden while its links stay focusable.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger className="group inline-flex h-9 cursor-pointer items-center gap-2 rounded-full p-1 transition-colors hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring data-[state=open]:bg-accent sm:rounded-lg sm:pr-2">
        <Avatar name={name} email={email} image={image} />
        {/* Named by its content, the visible name first (WCAG 2.5.3, label in name); phones show only the avatar. */}
        <span className="hidden max-w-44 truncate text-sm font-medium sm:block">{label}</span>
        <span className="sr-only"> Account menu</span>
        <ChevronsUpDown aria-hidden="true" className="hidden size-3.5 text-muted-foreground sm:block" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
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
