import { z } from "zod";

export const API_KEY_NAME_MAX_LENGTH = 100;
/** Longest expiry offered: a year (a key with no expiry is a separate choice). */
export const API_KEY_MAX_EXPIRY_DAYS = 365;

/** POST /api/account/api-keys */
export const createApiKeyInputSchema = z
  .object({
    name: z
      .string({ error: "Give the key a name." })
      .trim()
      .min(1, "Give the key a name.")
      .max(API_KEY_NAME_MAX_LENGTH, `The name can be at most ${API_KEY_NAME_MAX_LENGTH} characters.`),
    /** Days until it expires; null: never. */
    expiresInDays: z
      .number({ error: "The expiry must be a number of days." })
      .int("The expiry must be a whole number of days.")
      .min(1, "The expiry must be at least 1 day.")
      .max(API_KEY_MAX_EXPIRY_DAYS, `The expiry can be at most ${API_KEY_MAX_EXPIRY_DAYS} days.`)
      .nullable(),
    saveToHistory: z.boolean({ error: "saveToHistory must be true or false." }).default(false),
  })
  .strict();
export type CreateApiKeyInput = z.infer<typeof createApiKeyInputSchema>;

/** PUT /api/admin/settings/api-keys */
export const apiKeyPolicyInputSchema = z
  .object({
    enabled: z.boolean({ error: "enabled must be true or false." }),
    groupIds: z.array(z.string().min(1).max(100)).max(500, "At most 500 groups."),
  })
  .strict();
