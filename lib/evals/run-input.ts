import { z } from "zod";
import { TEMPERATURE_MAX, TEMPERATURE_MIN } from "@/lib/chat/generation-limits";
import { GRADER_KINDS } from "./eval-item";

export const MAX_RUN_MODELS = 8;
export const MAX_CONCURRENCY = 16;
export const MAX_RUBRIC_LENGTH = 10_000;

/** What the admin chooses when starting a run (shared by the route and the page). */
export const startRunSchema = z
  .object({
    setId: z.string().min(1).max(100),
    modelIds: z
      .array(z.string().min(1).max(100))
      .min(2, "Pick at least two models.")
      .max(MAX_RUN_MODELS, `Pick at most ${MAX_RUN_MODELS} models.`)
      .refine((ids) => new Set(ids).size === ids.length, "Each model once."),
    sampleSize: z.number().int().min(1, "The sample needs at least one item.").nullable().optional(),
    temperature: z.number().min(TEMPERATURE_MIN).max(TEMPERATURE_MAX).nullable().optional(),
    maxOutputTokens: z.number().int().min(1).max(32_768).nullable().optional(),
    concurrency: z.number().int().min(1).max(MAX_CONCURRENCY).optional(),
    costCapUsd: z.number().positive("The cost cap must be above zero.").max(1_000_000).nullable().optional(),
    judgeModelId: z.string().min(1).max(100).nullable().optional(),
    rubric: z.string().max(MAX_RUBRIC_LENGTH).nullable().optional(),
    tolerance: z.number().min(0).max(1e9).nullable().optional(),
  })
  .strict();

export type StartRunInput = z.infer<typeof startRunSchema>;

export const createSetQuerySchema = z.object({
  name: z.string().trim().min(1, "Name the set.").max(200),
  fileName: z.string().max(300).optional(),
  grader: z.enum(GRADER_KINDS).default("exact"),
});
