import { actionFor, type PrivacyPolicy } from "./policy";
import type { Finding, FindingType } from "./types";

// What happens to a request, from the findings in everything it would send (message, earlier turns, system prompt)
// and the model's policy. Counts by type are all a decision carries: they are what the user is shown, what the audit
// log records, and what is safe to log — never the values.

export type FindingCount = { type: FindingType; count: number };

export type PrivacyDecision =
  /** Refused: nothing is sent; the message stays in the box with the reason. */
  | { outcome: "block"; blocked: FindingCount[] }
  /** Nothing is sent until the user confirms these (then the request comes again with them acknowledged). */
  | { outcome: "confirm"; warnings: FindingCount[]; redactions: FindingCount[] }
  /** Sent, with `redact` replaced by placeholders; `warnings` are what the user confirmed (for the audit log). */
  | { outcome: "send"; redact: Finding[]; redactions: FindingCount[]; warnings: FindingCount[] };

export function countFindings(findings: readonly Finding[]): FindingCount[] {
  const countByType = new Map<FindingType, number>();
  for (const finding of findings) countByType.set(finding.type, (countByType.get(finding.type) ?? 0) + 1);
  return [...countByType].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type));
}

/**
 * `acknowledged`: the counts the user confirmed. A warning counts as confirmed only if the user saw at least as many
 * findings of that type as there are now, so text added after the confirmation is asked about again.
 */
export function decidePrivacy(findings: readonly Finding[], policy: PrivacyPolicy, acknowledged: readonly FindingCount[] = []): PrivacyDecision {
  const byAction = { allow: [] as Finding[], redact: [] as Finding[], warn: [] as Finding[], block: [] as Finding[] };
  for (const finding of findings) byAction[actionFor(policy, finding)].push(finding);
  if (byAction.block.length > 0) return { outcome: "block", blocked: countFindings(byAction.block) };
  const warnings = countFindings(byAction.warn);
  const redactions = countFindings(byAction.redact);
  const isAcknowledged = warnings.every(({ type, count }) => (acknowledged.find((a) => a.type === type)?.count ?? 0) >= count);
  if (!isAcknowledged) return { outcome: "confirm", warnings, redactions };
  return { outcome: "send", redact: byAction.redact, redactions, warnings };
}
