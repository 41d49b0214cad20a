import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** One card of the account page: a heading, a line saying what it does, then its content. */
export function AccountSection({
  id,
  title,
  description,
  tone = "default",
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  tone?: "default" | "danger";
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={cn("rounded-xl border bg-card p-5 shadow-xs", tone === "danger" && "border-destructive-border")}>
      <h2 id={id} className={cn("text-base font-semibold", tone === "danger" && "text-destructive")}>
        {title}
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">{description}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}
