import { z } from "zod";

/** Per-model starting values for a conversation. */
export interface ModelDefaults {
  temperature?: number;
  maxOutputTokens?: number;
  /** In tokens. */
  contextWindow?: number;
  systemPrompt?: string;
}

export const modelDefaultsSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    maxOutputTokens: z.number().int().positive().optional(),
    contextWindow: z.number().int().positive().optional(),
    systemPrompt: z.string().optional(),
  })
  .strict() satisfies z.ZodType<ModelDefaults>;
