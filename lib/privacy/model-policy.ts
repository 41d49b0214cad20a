import type { ModelConfigInput } from "@/lib/ai/model-config";
import { type Boundary, defaultBoundaryForProvider, type PrivacyPolicy, type PrivacyPolicyOverride, resolvePolicy } from "./policy";
import { boundarySchema, privacyPolicyOverrideSchema } from "./policy-schema";

type ModelPrivacyFields = Pick<ModelConfigInput, "provider" | "boundary" | "privacy">;

/** A stored model's boundary and policy override from its connection fields (a field that does not parse: unset). */
export function modelPrivacyFields(provider: ModelConfigInput["provider"], connection: Record<string, unknown>): ModelPrivacyFields {
  const boundary = boundarySchema.safeParse(connection.boundary);
  const override = privacyPolicyOverrideSchema.safeParse(connection.privacy);
  return { provider, boundary: boundary.success ? boundary.data : undefined, privacy: override.success ? override.data : undefined };
}

/** The model's boundary: as configured, else its provider's default. */
export function boundaryOfModel(config: ModelPrivacyFields): Boundary {
  return config.boundary ?? defaultBoundaryForProvider(config.provider);
}

/** The policy that applies to requests to this model; `boundaryDefaults` are an admin's changes per boundary, if any. */
export function policyForModel(config: ModelPrivacyFields, boundaryDefaults?: Partial<Record<Boundary, PrivacyPolicyOverride>>): PrivacyPolicy {
  const boundary = boundaryOfModel(config);
  return resolvePolicy(boundary, boundaryDefaults?.[boundary], config.privacy);
}
