export type Summary = { count: number; mean: number; p50: number; p95: number; max: number; total: number };

/** Mean, median, 95th percentile (nearest rank) and max of some timings, in ms rounded to 0.01. */
export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  const total = values.reduce((sum, value) => sum + value, 0);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    count: values.length,
    mean: round(total / Math.max(1, values.length)),
    p50: round(rank(0.5)),
    p95: round(rank(0.95)),
    max: round(sorted.at(-1) ?? 0),
    total: round(total),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 100) / 100;
}
