import { FlaskConical, ShieldCheck } from "lucide-react";
import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/session";
import { cn } from "@/lib/utils";
import { AccountMenu } from "./account-menu";
import { LogoMark } from "./logo-mark";
import { GlobalShortcuts } from "./shortcuts/global-shortcuts";

type AppHeaderProps = {
  user: CurrentUser;
  /** The area the page belongs to, marked as current in the navigation. */
  current?: "chat" | "admin";
  /** A non-admin who may run evaluations gets a link to them instead of Admin. */
  mayEvaluate?: boolean;
};

const navLink =
  "inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring aria-[current=page]:bg-accent aria-[current=page]:text-foreground";

export function AppHeader({ user, current = "chat", mayEvaluate = false }: AppHeaderProps) {
  return (
    <header className="sticky top-0 z-40 border-b bg-background/85 backdrop-blur-md">
      <div className="flex h-14 items-center gap-3 px-4 sm:px-6">
        <Link
          href="/"
          className="-mx-1 inline-flex items-center gap-2.5 rounded-md px-1 py-1 text-[15px] font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          <LogoMark />
          Chat
        </Link>

        {user.role === "admin" && (
          <>
            <span aria-hidden="true" className="h-5 w-px rotate-12 bg-border" />
            <nav aria-label="Main">
              <Link href="/admin" aria-current={current === "admin" ? "page" : undefined} className={cn(navLink)}>
                <ShieldCheck aria-hidden="true" className="size-4" />
                Admin
              </Link>
            </nav>
          </>
        )}
        {user.role !== "admin" && mayEvaluate && (
          <>
            <span aria-hidden="true" className="h-5 w-px rotate-12 bg-border" />
            <nav aria-label="Main">
              <Link href="/admin/evals" aria-current={current === "admin" ? "page" : undefined} className={cn(navLink)}>
                <FlaskConical aria-hidden="true" className="size-4" />
                Evaluations
              </Link>
            </nav>
          </>
        )}

        <div className="ml-auto flex items-center gap-1">
          <GlobalShortcuts />
          {/* Only what the menu shows goes to the browser; the session id stays on the server. */}
          <AccountMenu name={user.name} email={user.email} image={user.image} />
        </div>
      </div>
    </header>
  );
}
