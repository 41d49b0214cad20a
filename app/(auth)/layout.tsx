import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="relative isolate flex min-h-dvh flex-col overflow-hidden">
      <div aria-hidden="true" className="auth-backdrop pointer-events-none absolute inset-x-0 top-0 -z-10 h-[42rem]" />
      <main id="main" tabIndex={-1} className="flex flex-1 justify-center px-4 pt-12 pb-12 outline-none sm:pt-[max(4rem,13vh)]">
        {/* Top-anchored rather than centered, so an error appearing in the card does not shift the heading. */}
        <div className="w-full max-w-[400px]">{children}</div>
      </main>
      <footer className="px-4 pb-6 text-center text-xs text-muted-foreground">Trouble signing in? Contact your administrator.</footer>
    </div>
  );
}
