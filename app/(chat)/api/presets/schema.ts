import { z } from "zod";
import { conversationSettingsInputSchema } from "@/lib/chat/generation-settings";

export const PRESET_NAME_MAX_LENGTH = 100;
export const PRESET_PROMPT_MAX_LENGTH = 20_000;

export const presetIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "The preset id is not valid.");

export const presetParamsSchema = z.object({ id: presetIdSchema });

const settings = conversationSettingsInputSchema.shape;

/** The fields of a preset as the client sends them; blank texts and null mean "none" / "the model's default". */
const presetFieldsShape = {
  name: z
    .string({ error: "Give the preset a name." })
    .trim()
    .min(1, "Give the preset a name.")
    .max(PRESET_NAME_MAX_LENGTH, `The name can be at most ${PRESET_NAME_MAX_LENGTH} characters.`),
  systemPrompt: settings.systemPrompt,
  prompt: z
    .string()
    .max(PRESET_PROMPT_MAX_LENGTH, `The first message can be at most ${PRESET_PROMPT_MAX_LENGTH.toLocaleString("en-US")} characters.`)
    .nullable()
    .optional(),
  modelId: z.string().min(1).max(100).nullable().optional(),
  temperature: settings.temperature,
  maxOutputTokens: settings.maxOutputTokens,
};

/** POST /api/presets. */
export const presetCreateSchema = z.object(presetFieldsShape).strict();

/** PATCH /api/presets/[id]: only the fields sent change. */
export const presetPatchSchema = z
  .object(presetFieldsShape)
  .partial()
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "Send at least one field to change." });
