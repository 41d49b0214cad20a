import { z } from "zod";
import { privacyAcknowledgedSchema } from "@/lib/privacy/findings-summary";
import { MAX_COMPARE_MODELS, MIN_COMPARE_MODELS } from "./compare-limits";

export const MAX_COMPARE_PROMPT_CHARS = 100_000;

/** A message id as the chat server makes them (UUIDs); the pattern keeps anything else out of queries and logs. */
export const messageIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "The message id is not valid.");

/** `?messageId=` picks one answer of a Compare run; other parameters are ignored as before. */
export const answerQuerySchema = z.object({ messageId: messageIdSchema.optional() });

const modelIdSchema = z.string().min(1).max(200);

export const compareRequestSchema = z
  .object({
    conversationId: z.uuid(),
    prompt: z
      .string()
      .trim()
      .min(1, "Write a prompt to compare the models.")
      .max(MAX_COMPARE_PROMPT_CHARS, `The prompt is too long (at most ${MAX_COMPARE_PROMPT_CHARS.toLocaleString("en")} characters).`),
    modelIds: z
      .array(modelIdSchema)
      .min(MIN_COMPARE_MODELS, "Choose two or three models to compare.")
      .max(MAX_COMPARE_MODELS, "Choose two or three models to compare.")
      .refine((ids) => new Set(ids).size === ids.length, "Choose different models: each one at most once."),
    /** After a privacy_confirm refusal: the findings the user confirmed (see lib/chat/compare-privacy.ts). */
    privacyAcknowledged: privacyAcknowledgedSchema.optional(),
  })
  .strict();

export type CompareRequest = z.infer<typeof compareRequestSchema>;

export const chooseAnswerSchema = z.object({ messageId: messageIdSchema }).strict();

export interface CompareResponse {
  userMessageId: string;
  answers: { messageId: string; modelId: string }[];
}
