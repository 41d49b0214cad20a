"use client";

import { ChevronsUpDown } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { useLazyMenu } from "@/components/ui/lazy-menu";
import { displayName } from "@/lib/ui/user-display";

type AccountMenuProps = { name: string | null; email: string; image: string | null };

// The menu (Radix, next-auth's sign-out, the theme choices) is not needed to show the page: it loads when first opened.
const loadMenu = () => import("./loaded-account-menu");

const triggerClassName =
  "group inline-flex h-9 cursor-pointer items-center gap-2 rounded-full p-1 transition-colors hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring data-[state=open]:bg-accent sm:rounded-lg sm:pr-2";

export function AccountMenu({ name, email, image }: AccountMenuProps) {
  const { loaded, triggerProps } = useLazyMenu(loadMenu);
  const trigger = (
    <>
      <Avatar name={name} email={email} image={image} />
      {/* Named by its content, the visible name first (WCAG 2.5.3, label in name); phones show only the avatar. */}
      <span className="hidden max-w-44 truncate text-sm font-medium sm:block">{displayName({ name, email })}</span>
      <span className="sr-only"> Account menu</span>
      <ChevronsUpDown aria-hidden="true" className="hidden size-3.5 text-muted-foreground sm:block" />
    </>
  );
  if (!loaded)
    return (
      <button {...triggerProps} className={triggerClassName}>
        {trigger}
      </button>
    );
  const { LoadedAccountMenu } = loaded.module;
  return <LoadedAccountMenu name={name} email={email} image={image} triggerClassName={triggerClassName} trigger={trigger} openedBy={loaded.openedBy} />;
}
