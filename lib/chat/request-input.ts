import { z } from "zod";

export const conversationIdSchema = z.uuid();

export const conversationListQuerySchema = z
  .object({
    cursor: z.string().min(1).max(1_000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();

/** The path of /api/chat/[id]/… and /api/conversations/[id]/…. */
export const conversationParamsSchema = z.object({ id: z.uuid("The conversation id is not valid.") });
