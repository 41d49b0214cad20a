import { z } from "zod";

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

/** The body of PATCH /api/conversations/[id]: a new title, a pin, or both. */
export const conversationPatchSchema = z
  .object({
    title: z.string().trim().min(1, "The title cannot be empty.").max(200, "The title can be at most 200 characters.").optional(),
    pinned: z.boolean().optional(),
  })
  .strict()
  .refine((body) => body.title !== undefined || body.pinned !== undefined, { message: "Send a title or pinned." });
