import { z } from "zod";
import { modelDefaultsSchema } from "./model-defaults";

// The model table's config column: the provider's fields without provider, endpoint (columns of their own) and secrets
// (encryptedSecrets, see model-secrets.ts), next to the conversation defaults and the demo flag.
export const storedConfigSchema = z.object({
  connection: z.record(z.string(), z.unknown()),
  defaults: modelDefaultsSchema,
  demo: z.boolean(),
});
export type StoredConfig = z.infer<typeof storedConfigSchema>;

export function readStoredConfig(modelId: string, value: unknown): StoredConfig {
  const result = storedConfigSchema.safeParse(value);
  if (!result.success) throw new Error(`Model ${JSON.stringify(modelId)} has an invalid stored config: ${z.prettifyError(result.error)}`);
  return result.data;
}
