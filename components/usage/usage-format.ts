const integer = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const fine = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 6 });

export const formatCount = (value: number) => integer.format(value);
export const formatCompact = (value: number) => compact.format(value);

/** Dollars to the cent, or to the millionth when below a dollar (a few calls cost fractions of a cent). */
export function formatUsd(value: number): string {
  return value !== 0 && Math.abs(value) < 1 ? fine.format(value) : cents.format(value);
}

const dayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "2026-11-20" → "20 Nov" */
export function formatDay(isoDay: string): string {
  return dayLabel.format(new Date(`${isoDay}T00:00:00Z`));
}
