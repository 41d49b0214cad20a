import type { Finding } from "./types";

/**
 * Keeps one finding wherever findings overlap: the most confident, then the longest, then the earliest. An IBAN's
 * digits also look like a phone number and a card; the checksum-backed reading wins. Returned in text order.
 */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  const ranked = [...findings].sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Finding[] = [];
  for (const candidate of ranked) {
    if (kept.every((k) => candidate.end <= k.start || candidate.start >= k.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
