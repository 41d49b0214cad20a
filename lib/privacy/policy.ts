import type { ModelProvider } from "@/lib/ai/model-config";
import type { Finding, FindingType } from "./types";

// Where a model runs decides what may reach it. `internal`: inside the company (TGI, vLLM, llama.cpp, Ollama on its
// network); `external`: a cloud API (Azure OpenAI, AI21). Each boundary has a default policy; a model may override it.

export const boundaries = ["internal", "external"] as const;
export type Boundary = (typeof boundaries)[number];

export const privacyActions = ["allow", "warn", "redact", "block"] as const;
export type PrivacyAction = (typeof privacyActions)[number];

export const findingCategories = ["personal", "secret", "confidential"] as const;
export type FindingCategory = (typeof findingCategories)[number];

export const categoryByType: Record<FindingType, FindingCategory> = {
  email: "personal",
  phone: "personal",
  iban: "personal",
  payment_card: "personal",
  ip_address: "personal",
  us_ssn: "personal",
  uk_nino: "personal",
  national_id: "personal",
  secret: "secret",
  custom: "confidential",
};

export type PrivacyPolicy = {
  byCategory: Record<FindingCategory, PrivacyAction>;
  /** Overrides for single types, e.g. block payment cards while only warning on other personal data. */
  byType: Partial<Record<FindingType, PrivacyAction>>;
  /** Findings less certain than this are ignored. */
  minConfidence: number;
};

export type PrivacyPolicyOverride = {
  byCategory?: Partial<Record<FindingCategory, PrivacyAction>>;
  byType?: Partial<Record<FindingType, PrivacyAction>>;
  minConfidence?: number;
};

export const DEFAULT_MIN_CONFIDENCE = 0.5;

export const defaultPolicyByBoundary: Record<Boundary, PrivacyPolicy> = {
  // Secrets are replaced without asking (nobody means to send a key to a cloud API); personal data is shown to the
  // user, who decides; terms the admin listed as confidential are replaced.
  external: {
    byCategory: { secret: "redact", personal: "warn", confidential: "redact" },
    byType: {},
    minConfidence: DEFAULT_MIN_CONFIDENCE,
  },
  internal: {
    byCategory: { secret: "allow", personal: "allow", confidential: "allow" },
    byType: {},
    minConfidence: DEFAULT_MIN_CONFIDENCE,
  },
};

const externalProviders: ReadonlySet<ModelProvider> = new Set(["azure-openai", "ai21"]);

/** Azure OpenAI and AI21 are cloud APIs; TGI, vLLM/llama.cpp (openai-compatible) and Ollama run on company hosts. */
export function defaultBoundaryForProvider(provider: ModelProvider): Boundary {
  return externalProviders.has(provider) ? "external" : "internal";
}

/** The boundary's default policy with the model's overrides (and the admin's boundary defaults, if set) on top. */
export function resolvePolicy(boundary: Boundary, ...overrides: (PrivacyPolicyOverride | null | undefined)[]): PrivacyPolicy {
  const base = defaultPolicyByBoundary[boundary];
  return overrides.reduce<PrivacyPolicy>(
    (policy, override) =>
      override
        ? {
            byCategory: { ...policy.byCategory, ...override.byCategory },
            byType: { ...policy.byType, ...override.byType },
            minConfidence: override.minConfidence ?? policy.minConfidence,
          }
        : policy,
    { byCategory: { ...base.byCategory }, byType: { ...base.byType }, minConfidence: base.minConfidence },
  );
}

export function actionFor(policy: PrivacyPolicy, finding: Finding): PrivacyAction {
  if (finding.confidence < policy.minConfidence) return "allow";
  return policy.byType[finding.type] ?? policy.byCategory[categoryByType[finding.type]];
}

/** Whether the policy can ask anything of any finding (the composer highlights only then). */
export function isPolicyActive(policy: PrivacyPolicy): boolean {
  return [...Object.values(policy.byCategory), ...Object.values(policy.byType)].some((action) => action !== "allow");
}
