import { z } from "zod";

// Ids are UUIDs today; older rows may hold cuids, so any short plain id is accepted.
export const feedbackParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "The message id is not valid.") });

export const feedbackBodySchema = z.object({ value: z.union([z.literal(1), z.literal(-1), z.null()]) }).strict();
