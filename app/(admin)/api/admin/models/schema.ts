import { z } from "zod";
import { modelConfigSchema } from "@/lib/ai/model-config";
import { modelDefaultsSchema } from "@/lib/models/model-defaults";
import { modelIdSchema } from "@/lib/models/model-id";
import { SECRET_FIELDS } from "@/lib/models/model-secrets-fields";

const PROVIDERS = modelConfigSchema.options.map((option) => option.shape.provider.value) as [string, ...string[]];

const priceSchema = z.number().min(0, "Prices cannot be negative.").max(100_000, "Prices are per million tokens: at most 100,000 USD.").nullable();

// The provider's own fields are checked by modelConfigSchema once the stored secrets are merged in.
const connectionSchema = z.object({ provider: z.enum(PROVIDERS) }).catchall(z.unknown());

const limitsSchema = modelDefaultsSchema.refine(
  (defaults) => defaults.maxOutputTokens === undefined || defaults.contextWindow === undefined || defaults.maxOutputTokens < defaults.contextWindow,
  { message: "Max output tokens must be smaller than the context window.", path: ["maxOutputTokens"] },
);

const modelFieldsSchema = z
  .object({
    name: z.string().trim().min(1, "Name the model.").max(100, "The name is at most 100 characters."),
    config: connectionSchema,
    /** Secrets to remove; a secret left empty in `config` keeps the stored one. */
    clearSecrets: z.array(z.enum(SECRET_FIELDS)).max(SECRET_FIELDS.length).optional(),
    defaults: limitsSchema.optional(),
    inputPricePerMTok: priceSchema.optional(),
    outputPricePerMTok: priceSchema.optional(),
    accessGroupIds: z.array(z.string().min(1).max(100)).max(1_000).optional(),
    enabled: z.boolean().optional(),
    isDefault: z.boolean().optional(),
  })
  .strict();

export const createModelSchema = modelFieldsSchema.extend({ id: modelIdSchema });

/** Any subset of the fields: the Edit form sends them all, the list's quick actions one. */
export const updateModelSchema = modelFieldsSchema.partial();

export const moveModelSchema = z.object({ direction: z.enum(["up", "down"]) }).strict();

/** The path of /api/admin/models/[id]/…: an id that cannot be a model's is answered as an unknown one (404). */
export const modelParamsSchema = z.object({ id: modelIdSchema });
export const MODEL_NOT_FOUND = "This model does not exist.";
