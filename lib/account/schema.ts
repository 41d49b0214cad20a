import { z } from "zod";

export const DELETE_CONVERSATIONS_PHRASE = "DELETE";

/** DELETE /api/account/conversations: the user typed the phrase. */
export const deleteConversationsInputSchema = z
  .object({ confirmation: z.literal(DELETE_CONVERSATIONS_PHRASE, { error: `Type ${DELETE_CONVERSATIONS_PHRASE} to confirm.` }) })
  .strict();

/** DELETE /api/account: the user typed their own email address. */
export const deleteAccountInputSchema = z.object({ email: z.string().trim().min(1, { error: "Type your email address to confirm." }).max(320) }).strict();
