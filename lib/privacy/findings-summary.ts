import { z } from "zod";
import type { FindingCount } from "./decision";
import type { Boundary } from "./policy";
import { findingTypes } from "./types";

// What a refused request tells the browser (and the API caller) about its findings: types and counts, the model's
// boundary, never a value. The composer shows it and, for warnings, sends the counts back as the confirmation.

export const findingCountSchema = z.object({ type: z.enum(findingTypes), count: z.number().int().min(1).max(100_000) }).strict();

/** The counts a user confirmed after seeing them (POST /api/chat, /api/compare): see decidePrivacy. */
export const privacyAcknowledgedSchema = z.array(findingCountSchema).max(findingTypes.length);

export type PrivacyFindings = {
  boundary: Boundary;
  /** privacy_blocked: what the policy refuses. */
  blocked?: FindingCount[];
  /** privacy_confirm: what must be confirmed; send these back as `privacyAcknowledged`. */
  warnings?: FindingCount[];
  /** Replaced by placeholders when sent (shown so the user knows). */
  redactions?: FindingCount[];
};

const privacyFindingsSchema = z.object({
  boundary: z.enum(["internal", "external"]),
  blocked: z.array(findingCountSchema).optional(),
  warnings: z.array(findingCountSchema).optional(),
  redactions: z.array(findingCountSchema).optional(),
});

export function parsePrivacyFindings(value: unknown): PrivacyFindings | null {
  const parsed = privacyFindingsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
