import "server-only";
import { z } from "zod";
import { type ModelConfigInput, modelConfigSchema } from "@/lib/ai/model-config";
import { type ModelColumns, writeModel } from "@/lib/db/models";
import { type ModelDefaults, modelDefaultsSchema } from "./model-defaults";
import { modelIdSchema } from "./model-id";
import { sealModelSecrets, separateSecrets } from "./model-secrets";
import type { StoredConfig } from "./stored-config";

export interface ModelInput {
  id: string;
  name: string;
  config: ModelConfigInput;
  defaults?: ModelDefaults;
  enabled?: boolean;
  isDefault?: boolean;
  sortOrder?: number;
  demo?: boolean;
  managedByFile?: boolean;
  /** US dollars per million tokens; null clears, undefined keeps. */
  inputPricePerMTok?: number | null;
  outputPricePerMTok?: number | null;
}

const priceSchema = z.number().min(0).max(1_000_000).nullable().optional();

const modelInputSchema = z
  .object({
    id: modelIdSchema,
    name: z.string().trim().min(1).max(100),
    config: modelConfigSchema,
    defaults: modelDefaultsSchema.optional(),
    enabled: z.boolean().optional(),
    isDefault: z.boolean().optional(),
    sortOrder: z.number().int().optional(),
    demo: z.boolean().optional(),
    managedByFile: z.boolean().optional(),
    inputPricePerMTok: priceSchema,
    outputPricePerMTok: priceSchema,
  })
  .strict();

/**
 * The one way a model is written (admin console, MODELS_FILE, tests): validated, its credentials sealed apart from
 * the plain config. The config, defaults and demo flag are replaced as given; enabled, isDefault, sortOrder and
 * managedByFile keep their stored values when left out. Making a model the default clears the flag on every other
 * model. With mustBeNew an existing id is an error.
 */
export async function saveModel(input: ModelInput, { mustBeNew = false } = {}): Promise<void> {
  const { id, name, config, defaults, demo, ...flags } = modelInputSchema.parse(input);
  const { secrets, rest } = separateSecrets(config);
  const { provider: _provider, endpoint: _endpoint, ...connection } = rest;
  const stored: StoredConfig = { connection, defaults: defaults ?? {}, demo: demo ?? false };
  const columns: ModelColumns = {
    name,
    provider: config.provider,
    endpoint: config.endpoint,
    config: stored as ModelColumns["config"],
    encryptedSecrets: sealModelSecrets(id, secrets),
    ...flags,
  };
  await writeModel(id, columns, { mustBeNew });
}
