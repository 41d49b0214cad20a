import type { LimitStatus } from "@/lib/quota/quota-status";
import { formatCount, formatUsd } from "./usage-format";

const nameByLimit: Record<LimitStatus["name"], string> = {
  requestsPerMinute: "Requests per minute",
  tokensPerDay: "Tokens today",
  tokensPerMonth: "Tokens this month",
  costPerMonthUsd: "Budget this month",
};

const resetFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

function format(status: LimitStatus, value: number) {
  return status.name === "costPerMonthUsd" ? formatUsd(value) : formatCount(value);
}

/** The limits that apply to the signed-in user, what is used and left of each. */
export function MyLimits({ limits }: { limits: LimitStatus[] }) {
  if (limits.length === 0) {
    return <p className="rounded-xl border bg-card p-4 text-sm text-muted-foreground shadow-sm sm:p-5">No limits apply to you.</p>;
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {limits.map((status) => {
        const share = status.used === null ? null : Math.min(1, status.limit.value === 0 ? 1 : status.used / status.limit.value);
        const label = nameByLimit[status.name];
        return (
          <li key={status.name} className="rounded-xl border bg-card p-4 shadow-sm sm:p-5">
            <div className="flex items-baseline justify-between gap-3">
              <h3 className="text-sm font-medium">{label}</h3>
              <span className="text-xs text-muted-foreground">from {status.limit.source}</span>
            </div>
            {status.used === null ? (
              <p className="mt-2 text-sm">
                <span className="text-xl font-semibold tabular-nums">{formatCount(status.limit.value)}</span> at most, counted per clock minute
              </p>
            ) : (
              <>
                <p className="mt-2 text-sm">
                  <span className="text-xl font-semibold tabular-nums">{format(status, status.remaining ?? 0)}</span> left of{" "}
                  <span className="tabular-nums">{format(status, status.limit.value)}</span>
                </p>
                <div
                  role="meter"
                  aria-label={`${label}: used`}
                  aria-valuemin={0}
                  aria-valuemax={status.limit.value}
                  aria-valuenow={Math.min(status.used, status.limit.value)}
                  aria-valuetext={`${format(status, status.used)} used of ${format(status, status.limit.value)}`}
                  className="mt-3 h-2 rounded-full bg-muted"
                >
                  <div
                    className={share !== null && share >= 1 ? "h-2 rounded-full bg-destructive" : "h-2 rounded-full bg-primary"}
                    style={{ width: `${(share ?? 0) * 100}%` }}
                  />
                </div>
                <p className="mt-2 text-xs text-muted-foreground">
                  {format(status, status.used)} used · resets {status.resetsAt ? `${resetFormat.format(status.resetsAt)} UTC` : ""}
                </p>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
