import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import type { CurrentUser } from "@/lib/auth/session";

/** Header and main landmark around every signed-in page. */
export function SignedInShell({
  user,
  current,
  mayEvaluate = false,
  children,
}: {
  user: CurrentUser;
  current: "chat" | "admin";
  /** A non-admin who may run evaluations: the header links to them. */
  mayEvaluate?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader user={user} current={current} mayEvaluate={mayEvaluate} />
      <main id="main" tabIndex={-1} className="flex flex-1 flex-col outline-none">
        {children}
      </main>
    </div>
  );
}
