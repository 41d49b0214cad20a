import { z } from "zod";
import type { UsagePeriod } from "@/lib/db/usage-stats";

const DAY_MS = 86_400_000;

export const PERIOD_DAYS = [7, 30, 90] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];

export function periodDaysFrom(value: unknown): PeriodDays {
  const days = Number(value);
  return (PERIOD_DAYS as readonly number[]).includes(days) ? (days as PeriodDays) : 30;
}

/** The last `days` UTC days, today included: [start of the first day, start of tomorrow). */
export function lastDays(days: number, now = new Date()): UsagePeriod {
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return { from: new Date(tomorrow - days * DAY_MS), to: new Date(tomorrow) };
}

/** "YYYY-MM-DD" of the period's first and last day (both included). */
export function periodDates(period: UsagePeriod): { from: string; to: string } {
  return { from: period.from.toISOString().slice(0, 10), to: new Date(period.to.getTime() - DAY_MS).toISOString().slice(0, 10) };
}

const isoDate = z.iso.date("Dates are written YYYY-MM-DD.");

/** ?from=YYYY-MM-DD&to=YYYY-MM-DD (both days included, UTC), at most a year. */
export const usagePeriodQuerySchema = z
  .object({ from: isoDate, to: isoDate })
  .transform(({ from, to }) => ({ from: new Date(`${from}T00:00:00Z`), to: new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS) }))
  .refine((period) => period.from < period.to, "The start date must not be after the end date.")
  .refine((period) => period.to.getTime() - period.from.getTime() <= 366 * DAY_MS, "Choose a period of at most one year.");
