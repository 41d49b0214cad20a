import { z } from "zod";

export const comparePathSchema = z.object({ conversationId: z.uuid("The conversation id is not valid.") });
