import "server-only";
import { z } from "zod";
import type { CustomRule } from "@/lib/privacy/detectors/custom-rules";
import { type Boundary, boundaries, type PrivacyPolicyOverride } from "@/lib/privacy/policy";
import { privacyPolicyOverrideSchema } from "@/lib/privacy/policy-schema";
import { getDb } from "./client";
import { getSettings } from "./settings";

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

/** The setting rows the privacy settings are made of: an answer reads them with its other settings in one query. */
export const PRIVACY_SETTING_KEYS = [BOUNDARY_POLICIES_KEY, CUSTOM_RULES_KEY] as const;

export async function getPrivacySettings(): Promise<PrivacySettings> {
  return privacySettingsFrom(await getSettings(PRIVACY_SETTING_KEYS));
}

/** The privacy settings from the rows read with getSettings (at least PRIVACY_SETTING_KEYS). */
export function privacySettingsFrom(values: ReadonlyMap<string, unknown>): PrivacySettings {
  // A row that no longer parses (written by an older version) counts as unset rather than failing every send.
  const policies = boundaryPoliciesSchema.safeParse(values.get(BOUNDARY_POLICIES_KEY) ?? {});
  const rules = customRulesSchema.safeParse(values.get(CUSTOM_RULES_KEY) ?? []);
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
