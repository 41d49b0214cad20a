import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const selectClasses =
  "flex h-10 w-full rounded-md border border-input bg-card px-3 text-sm text-foreground shadow-xs focus-visible:border-ring focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25 sm:h-9";

/** A plain GET form: the browser downloads the CSV the export route answers with. */
export function UsageExportForm({ from, to }: { from: string; to: string }) {
  return (
    <section aria-labelledby="usage-export" className="rounded-xl border bg-card p-4 shadow-sm sm:p-5">
      <h2 id="usage-export" className="text-sm font-semibold">
        Export as CSV
      </h2>
      <p className="mt-1 text-[13px] text-muted-foreground">Dates are UTC days, both included. Costs are in US dollars.</p>
      <form action="/api/admin/usage/export" method="get" className="mt-4 grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
        <div className="grid gap-1.5">
          <Label htmlFor="export-from">From</Label>
          <Input id="export-from" name="from" type="date" defaultValue={from} max={to} required />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="export-to">To</Label>
          <Input id="export-to" name="to" type="date" defaultValue={to} max={to} required />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="export-group-by">One row per</Label>
          <select id="export-group-by" name="groupBy" defaultValue="day" className={selectClasses}>
            <option value="day">Day</option>
            <option value="model">Model</option>
            <option value="user">User</option>
            <option value="group">Group</option>
          </select>
        </div>
        <Button type="submit" variant="secondary">
          <Download aria-hidden="true" />
          Download CSV
        </Button>
      </form>
    </section>
  );
}
