import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { LeaderboardPeriod } from "@/lib/arena/types";

const selectClasses =
  "flex h-10 w-full rounded-md border border-input bg-card px-2.5 text-sm text-foreground shadow-xs focus-visible:border-ring focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25 sm:h-9";

const PERIOD_LABELS: Record<LeaderboardPeriod, string> = { "7": "Last 7 days", "30": "Last 30 days", "90": "Last 90 days", all: "All time" };

/** Period and group: a plain GET form, so a filtered leaderboard is a link. */
export function LeaderboardFilters({ period, groupId, groups }: { period: LeaderboardPeriod; groupId: string | null; groups: { id: string; name: string }[] }) {
  return (
    <form
      method="get"
      action="/leaderboard"
      role="search"
      aria-label="Filter the leaderboard"
      className="flex flex-wrap items-end gap-3 rounded-xl border bg-card p-4 shadow-xs"
    >
      <div className="grid min-w-44 gap-1.5">
        <Label htmlFor="leaderboard-period">Period</Label>
        <select id="leaderboard-period" name="period" defaultValue={period} className={selectClasses}>
          {Object.entries(PERIOD_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="grid min-w-44 gap-1.5">
        <Label htmlFor="leaderboard-group">Voters</Label>
        <select id="leaderboard-group" name="groupId" defaultValue={groupId ?? ""} className={selectClasses}>
          <option value="">Everyone</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </form>
  );
}
