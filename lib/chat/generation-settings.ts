import { z } from "zod";
import { SYSTEM_PROMPT_MAX_LENGTH, TEMPERATURE_MAX, TEMPERATURE_MIN } from "./generation-limits";

// Per-conversation settings: shared by the server (validation, the backend call) and the settings dialog (its limits
// are in generation-limits.ts).
/** The ceiling when neither the model's config nor its defaults name a maximum answer length. */
export const FALLBACK_MAX_OUTPUT_TOKENS = 32_768;

/** What Conversation.settings holds: values the user chose; absent means "the model's default". */
export interface ConversationSettings {
  temperature?: number;
  maxOutputTokens?: number;
}

/** What one answer is generated with, after the conversation's choices were merged with the model's defaults. */
export interface GenerationSettings {
  temperature?: number;
  maxOutputTokens?: number;
}

type ModelLimitSource = {
  config: { maxOutputTokens?: number };
  defaults: { temperature?: number; maxOutputTokens?: number; systemPrompt?: string };
};

/** The most tokens an answer of this model may ask for: the admin's cap (config, else defaults). */
export function maxOutputTokensLimit(model: ModelLimitSource): number {
  return model.config.maxOutputTokens ?? model.defaults.maxOutputTokens ?? FALLBACK_MAX_OUTPUT_TOKENS;
}

const temperatureSchema = z
  .number({ error: "The temperature must be a number." })
  .min(TEMPERATURE_MIN, `The temperature must be between ${TEMPERATURE_MIN} and ${TEMPERATURE_MAX}.`)
  .max(TEMPERATURE_MAX, `The temperature must be between ${TEMPERATURE_MIN} and ${TEMPERATURE_MAX}.`);

const maxOutputTokensSchema = z
  .number({ error: "The maximum answer length must be a whole number of tokens." })
  .int("The maximum answer length must be a whole number of tokens.")
  .min(1, "The maximum answer length must be at least 1 token.");

/** The settings as a client sends them: null clears a value back to the model's default. */
export const conversationSettingsInputSchema = z
  .object({
    systemPrompt: z
      .string()
      .max(SYSTEM_PROMPT_MAX_LENGTH, `The system prompt can be at most ${SYSTEM_PROMPT_MAX_LENGTH.toLocaleString("en-US")} characters.`)
      .nullable()
      .optional(),
    temperature: temperatureSchema.nullable().optional(),
    maxOutputTokens: maxOutputTokensSchema.nullable().optional(),
  })
  .strict();

export type ConversationSettingsInput = z.infer<typeof conversationSettingsInputSchema>;

const storedSettingsSchema = z.object({ temperature: temperatureSchema.optional(), maxOutputTokens: maxOutputTokensSchema.optional() });

/** Conversation.settings as stored; anything unreadable counts as "no choice made". */
export function readConversationSettings(value: unknown): ConversationSettings {
  const parsed = storedSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

/** A message naming the model's limit when the requested answer length is above it; null when it fits. */
export function settingsLimitProblem(input: { maxOutputTokens?: number | null }, model: ModelLimitSource & { name: string }): string | null {
  const limit = maxOutputTokensLimit(model);
  if (input.maxOutputTokens == null || input.maxOutputTokens <= limit) return null;
  return `The maximum answer length for ${model.name} is ${limit.toLocaleString("en-US")} tokens.`;
}

/**
 * The settings of the next answer. The stored choice is capped again here: the conversation may have moved to a
 * model with a lower limit since it was chosen.
 */
export function generationSettingsFor(model: ModelLimitSource, chosen: ConversationSettings): GenerationSettings {
  const maxOutputTokens = chosen.maxOutputTokens ?? model.defaults.maxOutputTokens;
  return {
    temperature: chosen.temperature ?? model.defaults.temperature,
    maxOutputTokens: maxOutputTokens === undefined ? undefined : Math.min(maxOutputTokens, maxOutputTokensLimit(model)),
  };
}

/** A blank system prompt means "the model's default". */
export function normalizeSystemPrompt(value: string | null | undefined): string | null {
  return value?.trim() ? value : null;
}
