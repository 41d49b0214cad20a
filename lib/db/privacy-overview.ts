import "server-only";
import { type FindingType, findingTypes } from "@/lib/privacy/types";
import { getDb } from "./client";

// How often the privacy guard acted, for the admin's privacy page, from the audit log (privacy.blocked / .confirmed / .redacted entries carry the counts by type, never values).

export type PrivacyWeek = {
  /** Monday 00:00 UTC of the week, as YYYY-MM-DD. */
  weekStart: string;
  /** Findings the guard acted on (blocked, confirmed or redacted), by type. */
  findings: Partial<Record<FindingType, number>>;
  /** Of those, in requests that were blocked. */
  blocked: Partial<Record<FindingType, number>>;
  blockedRequests: number;
};

const DAY_MS = 86_400_000;
/** Enough for a busy quarter; older entries are not read. */
const MAX_ENTRIES = 100_000;

/** The last `weeks` weeks (this one included), newest first; weeks without entries are listed with zeros. */
export async function privacyWeeklyCounts(weeks: number, now = new Date()): Promise<PrivacyWeek[]> {
  const thisWeek = weekStartOf(now);
  const since = new Date(thisWeek.getTime() - (weeks - 1) * 7 * DAY_MS);
  const entries = await getDb().auditLogEntry.findMany({
    where: { action: { in: ["privacy.blocked", "privacy.confirmed", "privacy.redacted"] }, createdAt: { gte: since } },
    select: { action: true, details: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: MAX_ENTRIES,
  });
  const byWeek = new Map<string, PrivacyWeek>();
  for (let index = 0; index < weeks; index++) {
    const weekStart = isoDate(new Date(thisWeek.getTime() - index * 7 * DAY_MS));
    byWeek.set(weekStart, { weekStart, findings: {}, blocked: {}, blockedRequests: 0 });
  }
  for (const entry of entries) {
    const week = byWeek.get(isoDate(weekStartOf(entry.createdAt)));
    if (!week) continue;
    const isBlock = entry.action === "privacy.blocked";
    if (isBlock) week.blockedRequests++;
    for (const [type, count] of countsIn(entry.details)) {
      week.findings[type] = (week.findings[type] ?? 0) + count;
      if (isBlock) week.blocked[type] = (week.blocked[type] ?? 0) + count;
    }
  }
  return [...byWeek.values()];
}

function countsIn(details: unknown): [FindingType, number][] {
  if (details === null || typeof details !== "object") return [];
  const record = details as Record<string, unknown>;
  return findingTypes.flatMap((type) => {
    const count = record[type];
    return typeof count === "number" && Number.isInteger(count) && count > 0 ? [[type, count] as [FindingType, number]] : [];
  });
}

function weekStartOf(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
