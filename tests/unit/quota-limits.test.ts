import { describe, expect, it } from "vitest";
import type { OwnedQuota, QuotaLimits } from "@/lib/db/quotas";
import { effectiveLimits } from "@/lib/quota/effective-limits";
import { minuteWindow, startOfNextUtcDay, startOfNextUtcMonth, startOfUtcDay, startOfUtcMonth } from "@/lib/quota/periods";
import { costPerMonthMessage, requestsPerMinuteMessage } from "@/lib/quota/refusal-message";

const none: QuotaLimits = { requestsPerMinute: null, tokensPerDay: null, tokensPerMonth: null, costPerMonthUsd: null };
const own = (limits: Partial<QuotaLimits>): OwnedQuota => ({ owner: { kind: "user" }, limits: { ...none, ...limits } });
const group = (name: string, limits: Partial<QuotaLimits>): OwnedQuota => ({ owner: { kind: "group", groupId: name, name }, limits: { ...none, ...limits } });

describe("effective limits", () => {
  it("are unlimited without quotas", () => {
    expect(effectiveLimits([])).toEqual(none);
  });

  it("take the smallest value of each limit separately, naming where it comes from", () => {
    const limits = effectiveLimits([
      group("Staff", { requestsPerMinute: 20, tokensPerDay: 1_000 }),
      own({ requestsPerMinute: 30, costPerMonthUsd: 5 }),
      group("Interns", { requestsPerMinute: 10, tokensPerMonth: 0 }),
    ]);
    expect(limits).toEqual({
      requestsPerMinute: { value: 10, source: "group Interns" },
      tokensPerDay: { value: 1_000, source: "group Staff" },
      tokensPerMonth: { value: 0, source: "group Interns" },
      costPerMonthUsd: { value: 5, source: "your account" },
    });
  });

  it("name the user's own quota on a tie", () => {
    expect(effectiveLimits([group("Staff", { tokensPerDay: 5 }), own({ tokensPerDay: 5 })]).tokensPerDay).toEqual({ value: 5, source: "your account" });
  });
});

describe("quota periods (UTC)", () => {
  const now = new Date("2026-12-31T23:59:30.500Z");
  it("start and end days and months, across the year end", () => {
    expect(startOfUtcDay(now).toISOString()).toBe("2026-12-31T00:00:00.000Z");
    expect(startOfNextUtcDay(now).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(startOfUtcMonth(now).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(startOfNextUtcMonth(now).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(minuteWindow(now).endsAt.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("say when the user may go on, in UTC", () => {
    expect(requestsPerMinuteMessage(20, new Date("2026-11-20T14:32:00Z"))).toBe(
      "You have reached your limit of 20 requests per minute. Try again at 14:32 UTC.",
    );
    expect(costPerMonthMessage(12.5, new Date("2026-12-01T00:00:00Z"))).toBe(
      "You have reached your monthly budget of $12.50. It resets on 1 December (00:00 UTC).",
    );
  });
});
