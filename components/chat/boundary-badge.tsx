import { Building2, Globe } from "lucide-react";
import type { Boundary } from "@/lib/privacy/policy";
import { cn } from "@/lib/utils";

const labelByBoundary: Record<Boundary, { short: string; long: string }> = {
  internal: { short: "Internal", long: "Runs inside the company" },
  external: { short: "External", long: "Runs outside the company (a cloud service)" },
};

/** Where the chosen model runs, next to its name: what is typed goes there. */
export function BoundaryBadge({ boundary, className }: { boundary: Boundary; className?: string }) {
  const Icon = boundary === "external" ? Globe : Building2;
  const { short, long } = labelByBoundary[boundary];
  return (
    <span
      title={long}
      data-testid="model-boundary"
      className={cn(
        "inline-flex h-5 shrink-0 items-center gap-1 rounded-full border px-2 text-[11px] font-medium",
        boundary === "external" ? "border-sky-500/30 bg-sky-500/10 text-sky-900 dark:text-sky-200" : "border-border text-muted-foreground",
        className,
      )}
    >
      <Icon aria-hidden="true" className="size-3" />
      {short}
      <span className="sr-only">: {long.toLowerCase()}</span>
    </span>
  );
}
