import type { z } from "zod";
import { type ModelConfig, modelConfigSchema } from "@/lib/ai/model-config";
import { type ModelSecrets, SECRET_FIELDS, type SecretField, secretFieldsFor } from "./model-secrets-fields";

/**
 * The connection an admin form asks for, with its secrets resolved: a secret typed in replaces the stored one, an
 * empty one keeps it (when the connection can still hold it), and one named in `clear` is removed.
 */
export function resolveAdminConfig(form: Record<string, unknown>, stored: ModelSecrets, clear: readonly SecretField[] = []): z.ZodSafeParseResult<ModelConfig> {
  const candidate: Record<string, unknown> = { ...form };
  const accepted = new Set(secretFieldsFor(candidate as { provider: string; auth?: unknown }));
  for (const field of SECRET_FIELDS) {
    const typed = candidate[field];
    delete candidate[field];
    if (clear.includes(field)) continue;
    // A non-string is passed on for the schema to refuse.
    if (typed !== undefined && typed !== "") candidate[field] = typed;
    else if (stored[field] !== undefined && accepted.has(field)) candidate[field] = stored[field];
  }
  return modelConfigSchema.safeParse(candidate);
}

/** Which secret fields differ between two configs (set, replaced or cleared): for the audit log, never the values. */
export function changedSecretFields(before: ModelSecrets, after: Record<string, unknown>): SecretField[] {
  return SECRET_FIELDS.filter((field) => (before[field] ?? null) !== ((after[field] as string | undefined) ?? null));
}
