import { SYSTEM_PROMPT_MAX_LENGTH, TEMPERATURE_MAX, TEMPERATURE_MIN } from "@/lib/chat/generation-limits";

/** The dialog's choices; null means "the model's default". */
export interface SettingsValues {
  systemPrompt: string | null;
  temperature: number | null;
  maxOutputTokens: number | null;
}

export const NO_SETTINGS: SettingsValues = { systemPrompt: null, temperature: null, maxOutputTokens: null };

/** The form's text fields, as typed. */
export interface SettingsFields {
  systemPrompt: string;
  temperature: string;
  maxOutputTokens: string;
}

export function fieldsOf(values: SettingsValues): SettingsFields {
  return {
    systemPrompt: values.systemPrompt ?? "",
    temperature: values.temperature === null ? "" : String(values.temperature),
    maxOutputTokens: values.maxOutputTokens === null ? "" : String(values.maxOutputTokens),
  };
}

export type FieldErrors = Partial<Record<keyof SettingsFields, string>>;

/** The values, or a message per field that is wrong (the server checks the same again). */
export function parseSettingsFields(fields: SettingsFields, maxOutputTokensLimit: number | null): { values: SettingsValues } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (fields.systemPrompt.length > SYSTEM_PROMPT_MAX_LENGTH) {
    errors.systemPrompt = `The system prompt can be at most ${SYSTEM_PROMPT_MAX_LENGTH.toLocaleString("en-US")} characters.`;
  }
  const temperature = fields.temperature.trim() === "" ? null : Number(fields.temperature);
  if (temperature !== null && !(Number.isFinite(temperature) && temperature >= TEMPERATURE_MIN && temperature <= TEMPERATURE_MAX)) {
    errors.temperature = `Enter a number from ${TEMPERATURE_MIN} to ${TEMPERATURE_MAX}, or leave it empty for the model's default.`;
  }
  const maxOutputTokens = fields.maxOutputTokens.trim() === "" ? null : Number(fields.maxOutputTokens);
  const limit = maxOutputTokensLimit ?? Number.MAX_SAFE_INTEGER;
  if (maxOutputTokens !== null && !(Number.isInteger(maxOutputTokens) && maxOutputTokens >= 1 && maxOutputTokens <= limit)) {
    errors.maxOutputTokens =
      maxOutputTokensLimit === null
        ? "Enter a whole number of tokens, or leave it empty for the model's default."
        : `Enter a whole number from 1 to ${maxOutputTokensLimit.toLocaleString("en-US")}, or leave it empty for the model's default.`;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { values: { systemPrompt: fields.systemPrompt.trim() ? fields.systemPrompt : null, temperature, maxOutputTokens } };
}
