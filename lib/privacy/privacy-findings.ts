import type { FindingCount } from "./decision";
import type { Boundary } from "./policy";
import { findingTypes } from "./types";

// What a refused request tells the browser (and the API caller) about its findings: types and counts, the model's
// boundary, never a value. The composer shows it and, for warnings, sends the counts back as the confirmation.
// Read in the browser by every API call's error handling (errors.ts), so checked by hand: a zod schema here would put
// zod into every page's first load (the request schemas stay in findings-summary.ts).

export type PrivacyFindings = {
  boundary: Boundary;
  /** privacy_blocked: what the policy refuses. */
  blocked?: FindingCount[];
  /** privacy_confirm: what must be confirmed; send these back as `privacyAcknowledged`. */
  warnings?: FindingCount[];
  /** Replaced by placeholders when sent (shown so the user knows). */
  redactions?: FindingCount[];
};

const MAX_COUNT = 100_000;
const LISTS = ["blocked", "warnings", "redactions"] as const;

/** The findings of an error body, or null when they are not of that shape (unknown fields are dropped). */
export function parsePrivacyFindings(value: unknown): PrivacyFindings | null {
  if (!isRecord(value) || (value.boundary !== "internal" && value.boundary !== "external")) return null;
  const findings: PrivacyFindings = { boundary: value.boundary };
  for (const list of LISTS) {
    const counts = value[list];
    if (counts === undefined) continue;
    if (!Array.isArray(counts) || !counts.every(isFindingCount)) return null;
    findings[list] = counts.map(({ type, count }) => ({ type, count }));
  }
  return findings;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Exactly `{ type, count }`: a known type and a whole count from 1 to 100,000. */
function isFindingCount(value: unknown): value is FindingCount {
  if (!isRecord(value) || Object.keys(value).some((key) => key !== "type" && key !== "count")) return false;
  const { type, count } = value;
  return findingTypes.some((known) => known === type) && Number.isInteger(count) && (count as number) >= 1 && (count as number) <= MAX_COUNT;
}
