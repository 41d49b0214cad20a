import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import type { CurrentUser } from "@/lib/auth/session";

/** Header and main landmark around every signed-in page. */
export function SignedInShell({ user, current, children }: { user: CurrentUser; current: "chat" | "admin"; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader user={user} current={current} />
      <main id="main" tabIndex={-1} className="flex flex-1 flex-col outline-none">
        {children}
      </main>
    </div>
  );
}
