import "server-only";
import { z } from "zod";
import type { ModelConfig } from "@/lib/ai/model-config";
import { getEncryptionKey } from "@/lib/crypto/encryption-key";
import { open, SecretBoxError, seal } from "@/lib/crypto/secret-box";
import { type ModelSecrets, SECRET_FIELDS } from "./model-secrets-fields";

// The config fields that are credentials are stored only encrypted, never in the plain config column.
export type { ModelSecrets } from "./model-secrets-fields";

const modelSecretsSchema = z.object({ apiKey: z.string().optional(), clientSecret: z.string().optional() }).strict() satisfies z.ZodType<ModelSecrets>;

/** Splits a config into its credentials and everything else. */
export function separateSecrets(config: ModelConfig): { secrets: ModelSecrets; rest: Record<string, unknown> } {
  const rest: Record<string, unknown> = { ...config };
  const secrets: ModelSecrets = {};
  for (const field of SECRET_FIELDS) {
    const value = rest[field];
    delete rest[field];
    if (typeof value === "string") secrets[field] = value;
  }
  return { secrets, rest };
}

// The model id is authenticated with the value, so a sealed value copied onto another model does not open there.
const associatedData = (modelId: string) => `model:${modelId}`;

/** One sealed JSON object, or null when the model has no secrets. */
export function sealModelSecrets(modelId: string, secrets: ModelSecrets): string | null {
  if (Object.keys(secrets).length === 0) return null;
  return seal(JSON.stringify(secrets), getEncryptionKey(), associatedData(modelId));
}

export function openModelSecrets(modelId: string, sealed: string | null): ModelSecrets {
  if (sealed === null) return {};
  try {
    return modelSecretsSchema.parse(JSON.parse(open(sealed, getEncryptionKey(), associatedData(modelId))));
  } catch (error) {
    const reason = error instanceof SecretBoxError ? error.message : "the decrypted value is not a secrets object";
    throw new Error(`The stored secrets of model ${JSON.stringify(modelId)} cannot be read: ${reason}`);
  }
}
