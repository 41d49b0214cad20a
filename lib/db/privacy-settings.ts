import "server-only";
import { z } from "zod";
import type { CustomRule } from "@/lib/privacy/detectors/custom-rules";
import { type Boundary, boundaries, type PrivacyPolicyOverride } from "@/lib/privacy/policy";
import { privacyPolicyOverrideSchema } from "@/lib/privacy/policy-schema";
import { getDb } from "./client";

// The admin's privacy settings, as settings rows: changes to each boundary's default policy, and the terms and
// patterns that count as confidential. Neither saved: the built-in defaults and no custom rules.

const BOUNDARY_POLICIES_KEY = "privacy.boundaryPolicies";
const CUSTOM_RULES_KEY = "privacy.customRules";

export const boundaryPoliciesSchema = z.partialRecord(z.enum(boundaries), privacyPolicyOverrideSchema);
export const customRulesSchema = z.array(
  z.object({ kind: z.enum(["term", "pattern"]), value: z.string().min(1).max(200), label: z.string().max(24).optional() }).strict(),
);

export type BoundaryPolicies = Partial<Record<Boundary, PrivacyPolicyOverride>>;
export type PrivacySettings = { boundaryPolicies: BoundaryPolicies; customRules: CustomRule[] };

export async function getPrivacySettings(): Promise<PrivacySettings> {
  // Raw SQL: every answer reads these (README: Load).
  const rows = await getDb().$queryRaw<{ key: string; value: unknown }[]>`
    SELECT "key", "value" FROM "Setting" WHERE "key" IN (${BOUNDARY_POLICIES_KEY}, ${CUSTOM_RULES_KEY})`;
  const valueOf = (key: string) => rows.find((row) => row.key === key)?.value;
  // A row that no longer parses (written by an older version) counts as unset rather than failing every send.
  const policies = boundaryPoliciesSchema.safeParse(valueOf(BOUNDARY_POLICIES_KEY) ?? {});
  const rules = customRulesSchema.safeParse(valueOf(CUSTOM_RULES_KEY) ?? []);
  return { boundaryPolicies: policies.success ? policies.data : {}, customRules: rules.success ? rules.data : [] };
}

export async function savePrivacySettings({ boundaryPolicies, customRules }: PrivacySettings): Promise<void> {
  const db = getDb();
  await db.$transaction([
    db.setting.upsert({
      where: { key: BOUNDARY_POLICIES_KEY },
      create: { key: BOUNDARY_POLICIES_KEY, value: boundaryPolicies },
      update: { value: boundaryPolicies },
    }),
    db.setting.upsert({ where: { key: CUSTOM_RULES_KEY }, create: { key: CUSTOM_RULES_KEY, value: customRules }, update: { value: customRules } }),
  ]);
}
