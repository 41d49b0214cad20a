// Quota periods are calendar periods in UTC: a day starts at 00:00 UTC and a month on the 1st at 00:00 UTC.

export const MINUTE_MS = 60_000;

export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function startOfNextUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

export function startOfUtcMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export function startOfNextUtcMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/** The fixed one-minute window `now` falls in: its number (for counter keys) and when it ends. */
export function minuteWindow(now: Date): { index: number; startsAt: Date; endsAt: Date } {
  const index = Math.floor(now.getTime() / MINUTE_MS);
  return { index, startsAt: new Date(index * MINUTE_MS), endsAt: new Date((index + 1) * MINUTE_MS) };
}
