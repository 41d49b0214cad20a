// The figures of one measured load, and the table that compares them with the direct backend.
import type { RequestTiming } from "./load";

export interface Figures {
  requests: number;
  failures: number;
  /** A few distinct failure reasons, to see at a glance what went wrong. */
  failureSamples: string[];
  ttftP50: number;
  ttftP95: number;
  ttftP99: number;
  /** From sending to the last token, median. */
  lastTokenP50: number;
  /** From the last token to the end of the response, median. */
  streamEndP50: number;
  tokensPerSecond: number;
  cpuSecondsPer1kTokens: number;
  peakRssMb: number;
}

export type Level = "one at a time" | number;

export interface Measurement {
  level: Level;
  target: string;
  round: number;
  figures: Figures;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

export function figuresOf(timings: RequestTiming[], cpuSeconds: number, peakRssMb: number): Figures {
  const ok = timings.filter((timing) => !timing.failure);
  const tokens = timings.reduce((sum, timing) => sum + timing.tokens, 0);
  const start = Math.min(...timings.map((timing) => timing.startedAt));
  const end = Math.max(...timings.map((timing) => timing.endedAt));
  const sequential = timings.length > 1 && timings.every((timing, index) => index === 0 || timing.startedAt >= (timings[index - 1] as RequestTiming).endedAt);
  // One at a time, the useful rate is one stream's: tokens over the time spent streaming them.
  const busySeconds = sequential ? timings.reduce((sum, timing) => sum + (timing.endedAt - timing.startedAt), 0) / 1000 : (end - start) / 1000;
  return {
    requests: timings.length,
    failures: timings.length - ok.length,
    failureSamples: [...new Set(timings.flatMap((timing) => (timing.failure ? [timing.failure] : [])))].slice(0, 3),
    ttftP50: percentile(
      ok.map((timing) => (timing.firstTokenAt as number) - timing.startedAt),
      0.5,
    ),
    ttftP95: percentile(
      ok.map((timing) => (timing.firstTokenAt as number) - timing.startedAt),
      0.95,
    ),
    ttftP99: percentile(
      ok.map((timing) => (timing.firstTokenAt as number) - timing.startedAt),
      0.99,
    ),
    lastTokenP50: percentile(
      ok.map((timing) => (timing.lastTokenAt as number) - timing.startedAt),
      0.5,
    ),
    streamEndP50: percentile(
      ok.map((timing) => timing.endedAt - (timing.lastTokenAt as number)),
      0.5,
    ),
    tokensPerSecond: tokens / Math.max(busySeconds, 1e-6),
    cpuSecondsPer1kTokens: tokens > 0 ? (cpuSeconds / tokens) * 1000 : Number.NaN,
    peakRssMb,
  };
}

const COLUMNS: { key: keyof Figures; title: string; format: (value: number) => string }[] = [
  { key: "ttftP50", title: "TTFT p50", format: ms },
  { key: "ttftP95", title: "TTFT p95", format: ms },
  { key: "ttftP99", title: "TTFT p99", format: ms },
  { key: "lastTokenP50", title: "last token p50", format: ms },
  { key: "streamEndP50", title: "end after last", format: ms },
  { key: "tokensPerSecond", title: "tokens/s", format: (value) => Math.round(value).toLocaleString("en") },
  { key: "failures", title: "failed", format: (value) => String(value) },
  { key: "cpuSecondsPer1kTokens", title: "CPU s/1k tok", format: (value) => value.toFixed(3) },
  { key: "peakRssMb", title: "peak RSS MB", format: (value) => String(Math.round(value)) },
];

function ms(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

function ratio(value: number, direct: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(direct) || direct === 0) return "";
  const r = value / direct;
  return ` (${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×)`;
}

/** Rounds of the same level and target averaged (failures summed, peaks maxed). */
export function combineRounds(measurements: Measurement[]): Measurement[] {
  const groups = new Map<string, Measurement[]>();
  for (const measurement of measurements) {
    const key = `${measurement.level}|${measurement.target}`;
    groups.set(key, [...(groups.get(key) ?? []), measurement]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as Measurement;
    const mean = (key: keyof Figures) => group.reduce((sum, m) => sum + (m.figures[key] as number), 0) / group.length;
    const figures: Figures = {
      requests: group.reduce((sum, m) => sum + m.figures.requests, 0),
      failures: group.reduce((sum, m) => sum + m.figures.failures, 0),
      failureSamples: [...new Set(group.flatMap((m) => m.figures.failureSamples))].slice(0, 3),
      ttftP50: mean("ttftP50"),
      ttftP95: mean("ttftP95"),
      ttftP99: mean("ttftP99"),
      lastTokenP50: mean("lastTokenP50"),
      streamEndP50: mean("streamEndP50"),
      tokensPerSecond: mean("tokensPerSecond"),
      cpuSecondsPer1kTokens: mean("cpuSecondsPer1kTokens"),
      peakRssMb: Math.max(...group.map((m) => m.figures.peakRssMb)),
    };
    return { level: first.level, target: first.target, round: 0, figures };
  });
}

/** A Markdown table: one row per level and target, each app figure with its ratio to the direct backend. */
export function table(combined: Measurement[], directName: string): string {
  const header = ["load", "target", ...COLUMNS.map((column) => column.title)];
  const rows = combined.map((measurement) => {
    const direct = combined.find((m) => m.level === measurement.level && m.target === directName);
    const cells = COLUMNS.map((column) => {
      const value = measurement.figures[column.key] as number;
      const shown = column.format(value);
      // A ratio to a direct figure under a millisecond (the backend ends its stream with its last token) means nothing.
      const directValue = direct?.figures[column.key] as number | undefined;
      if (measurement.target === directName || directValue === undefined || column.key === "failures" || (column.format === ms && directValue < 1))
        return shown;
      return shown + ratio(value, directValue);
    });
    const load = measurement.level === "one at a time" ? "1 at a time" : `${measurement.level} at once`;
    return [load, measurement.target, ...cells];
  });
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => (row[index] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index] as number)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
