import "server-only";
import { countAnswersStarted } from "@/lib/db/messages";
import { getQuotasForUser } from "@/lib/db/quotas";
import { getUsageTotals } from "@/lib/db/usage-stats";
import { quotaClock } from "./clock";
import { effectiveLimits, type LimitName } from "./effective-limits";
import { minuteWindow, startOfNextUtcDay, startOfNextUtcMonth, startOfUtcDay, startOfUtcMonth } from "./periods";
import { costPerMonthMessage, requestsPerMinuteMessage, tokensPerDayMessage, tokensPerMonthMessage } from "./refusal-message";
import { configuredCounter, type WindowCounter } from "./window-counter";

export interface QuotaRefusal {
  code: "quota_exceeded";
  limit: LimitName;
  /** For the user: which limit, and when they may go on (UTC). */
  message: string;
  resetsAt: Date;
}

export interface QuotaCheckOptions {
  now?: Date;
  counter?: WindowCounter;
}

/**
 * Whether the user may start one more chat request: null, or why not and until when. Token and cost limits compare
 * what the user has used since the start of the UTC day or month; the per-minute limit counts this request, so call
 * it once per request, before anything is stored or any backend is called.
 */
export async function checkChatQuota(user: { id: string }, options: QuotaCheckOptions = {}): Promise<QuotaRefusal | null> {
  const now = options.now ?? quotaClock.now();
  const limits = effectiveLimits(await getQuotasForUser({ userId: user.id }));

  if (limits.tokensPerDay) {
    const used = await getUsageTotals({ userId: user.id, period: { from: startOfUtcDay(now), to: startOfNextUtcDay(now) } });
    if (used.totalTokens >= limits.tokensPerDay.value) {
      const resetsAt = startOfNextUtcDay(now);
      return { code: "quota_exceeded", limit: "tokensPerDay", message: tokensPerDayMessage(limits.tokensPerDay.value, resetsAt), resetsAt };
    }
  }
  if (limits.tokensPerMonth || limits.costPerMonthUsd) {
    const resetsAt = startOfNextUtcMonth(now);
    const used = await getUsageTotals({ userId: user.id, period: { from: startOfUtcMonth(now), to: resetsAt } });
    if (limits.tokensPerMonth && used.totalTokens >= limits.tokensPerMonth.value) {
      return { code: "quota_exceeded", limit: "tokensPerMonth", message: tokensPerMonthMessage(limits.tokensPerMonth.value, resetsAt), resetsAt };
    }
    if (limits.costPerMonthUsd && used.costUsd >= limits.costPerMonthUsd.value) {
      return { code: "quota_exceeded", limit: "costPerMonthUsd", message: costPerMonthMessage(limits.costPerMonthUsd.value, resetsAt), resetsAt };
    }
  }
  if (limits.requestsPerMinute) {
    const window = minuteWindow(now);
    const counter = options.counter ?? configuredCounter();
    const key = `rpm:${user.id}:${window.index}`;
    let count = await counter.increment(key, window.endsAt);
    // A count of 1 is either the window's first request or a counter that started over: Redis restarted (its keys
    // gone) or failed and the database took over mid-window. Never count from zero then: the answers the user's
    // requests already started in this window are the floor (one query per user and minute).
    if (count === 1) {
      const started = await countAnswersStarted({ userId: user.id, from: window.startsAt, to: window.endsAt });
      if (started > 0) count = await counter.add(key, started, window.endsAt);
    }
    if (count > limits.requestsPerMinute.value) {
      const resetsAt = window.endsAt;
      return { code: "quota_exceeded", limit: "requestsPerMinute", message: requestsPerMinuteMessage(limits.requestsPerMinute.value, resetsAt), resetsAt };
    }
  }
  return null;
}
