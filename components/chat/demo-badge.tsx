import { cn } from "@/lib/utils";

/** Marks a model served by a local fake backend, so nobody mistakes its canned answers for a real model. */
export function DemoBadge({ className }: { className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex h-5 items-center rounded-full border border-amber-500/30 bg-amber-500/10 px-2 text-[11px] font-medium text-amber-900 dark:text-amber-200",
        className,
      )}
    >
      Demo
    </span>
  );
}
