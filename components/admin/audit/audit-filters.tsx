import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { AUDIT_ACTION_OPTIONS } from "@/lib/audit/action-labels";
import type { AuditFilters } from "@/lib/audit/filters";

const selectClasses =
  "flex h-10 w-full rounded-md border border-input bg-card px-2.5 text-sm text-foreground shadow-xs focus-visible:border-ring focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25 sm:h-9";

/** The audit log's filters: a plain GET form, so filtered views are links that can be shared and bookmarked. */
export function AuditFiltersForm({ filters }: { filters: AuditFilters }) {
  return (
    <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="rounded-xl border bg-card p-4 shadow-xs">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <div className="grid gap-1.5">
          <Label htmlFor="audit-action">Action</Label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={selectClasses}>
            <option value="">All actions</option>
            {AUDIT_ACTION_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-actor">Actor email</Label>
          <Input id="audit-actor" name="actor" type="search" placeholder="name@company.com" defaultValue={filters.actor ?? ""} maxLength={320} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-from">From (UTC)</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-to">To (UTC)</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-target">Target contains</Label>
          <Input id="audit-target" name="target" type="search" placeholder="User id, model, setting…" defaultValue={filters.target ?? ""} maxLength={200} />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button type="submit" size="sm">
          Apply filters
        </Button>
        <Link href="/admin/audit" className={buttonClasses({ variant: "ghost", size: "sm" })}>
          Clear
        </Link>
      </div>
    </form>
  );
}
