import Link from "next/link";
import { PERIOD_DAYS, type PeriodDays } from "@/lib/usage/usage-period";
import { cn } from "@/lib/utils";

/** Last 7, 30 or 90 days, as links (the page renders on the server, so no script is needed). */
export function PeriodPicker({ current }: { current: PeriodDays }) {
  return (
    <nav aria-label="Period" className="inline-flex rounded-lg border bg-card p-0.5 shadow-xs">
      {PERIOD_DAYS.map((days) => (
        <Link
          key={days}
          href={`/admin/usage?days=${days}`}
          aria-current={days === current ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 text-[13px] font-medium text-muted-foreground transition-colors hover:text-foreground",
            "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
            days === current && "bg-primary text-primary-foreground hover:text-primary-foreground",
          )}
        >
          Last {days} days
        </Link>
      ))}
    </nav>
  );
}
