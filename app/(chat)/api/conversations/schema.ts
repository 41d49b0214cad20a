import { z } from "zod";
import { type ConversationSettingsInput, conversationSettingsInputSchema } from "@/lib/chat/generation-settings";

/** The path of /api/conversations/[id]/… and /api/chat/[id]/…. */
export const conversationParamsSchema = z.object({ id: z.uuid("The conversation id is not valid.") });

/** `?limit=30&cursor=…` of GET /api/conversations. */
export const conversationListQuerySchema = z
  .object({
    cursor: z.string().min(1).max(1_000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 200;

/** `?q=` of GET /api/conversations/search, trimmed. */
export const conversationSearchQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .min(SEARCH_MIN_LENGTH, `Type at least ${SEARCH_MIN_LENGTH} characters to search.`)
      .max(SEARCH_MAX_LENGTH, `Search for at most ${SEARCH_MAX_LENGTH} characters.`),
  })
  .strict();

/**
 * The body of PATCH /api/conversations/[id]: a new title, a pin, and/or settings (system prompt, temperature, maximum
 * answer length; null puts one back to the model's default).
 */
export const conversationPatchSchema = z
  .object({
    title: z.string().trim().min(1, "The title cannot be empty.").max(200, "The title can be at most 200 characters.").optional(),
    pinned: z.boolean().optional(),
    ...conversationSettingsInputSchema.shape,
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "Send a title, pinned or a setting." });

export type ConversationPatch = z.infer<typeof conversationPatchSchema>;

/** The settings part of a patch, or null when it changes none. */
export function settingsOfPatch({ systemPrompt, temperature, maxOutputTokens }: ConversationPatch): ConversationSettingsInput | null {
  if (systemPrompt === undefined && temperature === undefined && maxOutputTokens === undefined) return null;
  return { systemPrompt, temperature, maxOutputTokens };
}
