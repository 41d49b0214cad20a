import type { ModelConfigInput } from "@/lib/ai/model-config";
import { type Boundary, defaultBoundaryForProvider, type PrivacyPolicy, type PrivacyPolicyOverride, resolvePolicy } from "./policy";

type ModelPrivacyFields = Pick<ModelConfigInput, "provider" | "boundary" | "privacy">;

/** The model's boundary: as configured, else its provider's default. */
export function boundaryOfModel(config: ModelPrivacyFields): Boundary {
  return config.boundary ?? defaultBoundaryForProvider(config.provider);
}

/** The policy that applies to requests to this model; `boundaryDefaults` are an admin's changes per boundary, if any. */
export function policyForModel(config: ModelPrivacyFields, boundaryDefaults?: Partial<Record<Boundary, PrivacyPolicyOverride>>): PrivacyPolicy {
  const boundary = boundaryOfModel(config);
  return resolvePolicy(boundary, boundaryDefaults?.[boundary], config.privacy);
}
