import type { OwnedQuota, QuotaLimits } from "@/lib/db/quotas";

export type LimitName = keyof QuotaLimits;

export const LIMIT_NAMES: LimitName[] = ["requestsPerMinute", "tokensPerDay", "tokensPerMonth", "costPerMonthUsd"];

/** One limit that applies to a user, and where it comes from (the tightest of their own and their groups'). */
export interface EffectiveLimit {
  value: number;
  /** "your account" or the group's name. */
  source: string;
}

export type EffectiveLimits = Record<LimitName, EffectiveLimit | null>;

function sourceOf(quota: OwnedQuota): string {
  return quota.owner.kind === "user" ? "your account" : `group ${quota.owner.name}`;
}

/**
 * Every quota applies separately, so for each limit the smallest value wins. Group limits are per member: each
 * member of a group limited to 100,000 tokens a day may use 100,000 tokens a day.
 */
export function effectiveLimits(quotas: OwnedQuota[]): EffectiveLimits {
  const result: EffectiveLimits = { requestsPerMinute: null, tokensPerDay: null, tokensPerMonth: null, costPerMonthUsd: null };
  // The user's own quota first, so that on a tie it is named as the source.
  const ordered = [...quotas].sort((a, b) => Number(a.owner.kind === "group") - Number(b.owner.kind === "group"));
  for (const quota of ordered) {
    for (const name of LIMIT_NAMES) {
      const value = quota.limits[name];
      const current = result[name];
      if (value !== null && (current === null || value < current.value)) result[name] = { value, source: sourceOf(quota) };
    }
  }
  return result;
}
