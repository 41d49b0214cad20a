import type { ReactNode } from "react";
import { LogoMark } from "@/components/logo-mark";

type StatusPageProps = {
  /** A short code above the title, e.g. "404". */
  eyebrow: string;
  title: string;
  description: string;
  /** The way out: links or buttons. */
  children: ReactNode;
};

/** The full-page layout of the 404 and error pages. */
export function StatusPage({ eyebrow, title, description, children }: StatusPageProps) {
  return (
    <div className="relative isolate flex min-h-dvh flex-col overflow-hidden">
      <div aria-hidden="true" className="auth-backdrop pointer-events-none absolute inset-x-0 top-0 -z-10 h-[42rem]" />
      <main id="main" tabIndex={-1} className="flex flex-1 items-center justify-center px-4 py-16 outline-none">
        <div className="flex max-w-md flex-col items-center text-center">
          <LogoMark className="size-11 rounded-xl shadow-sm" />
          <p className="mt-8 font-mono text-sm font-medium text-primary">{eyebrow}</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{title}</h1>
          <p className="mt-3 text-[15px] leading-relaxed text-balance text-muted-foreground">{description}</p>
          <div className="mt-8 flex flex-wrap items-center justify-center gap-3">{children}</div>
        </div>
      </main>
    </div>
  );
}
