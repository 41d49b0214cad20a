import { z } from "zod";

// Int columns are 32-bit on PostgreSQL: two billion is the most a token limit can hold.
const MAX_COUNT = 2_000_000_000;

const count = (what: string) =>
  z
    .number({ message: `${what} must be a whole number, or empty for unlimited.` })
    .int(`${what} must be a whole number.`)
    .min(0, `${what} cannot be negative.`)
    .max(MAX_COUNT, `${what} can be at most 2,000,000,000.`)
    .nullable();

/** PUT body: every limit, null for unlimited; all null removes the quota. */
export const quotaLimitsSchema = z
  .object({
    requestsPerMinute: count("Requests per minute").refine((value) => value === null || value <= 100_000, "Requests per minute can be at most 100,000."),
    tokensPerDay: count("Tokens per day"),
    tokensPerMonth: count("Tokens per month"),
    costPerMonthUsd: z
      .number({ message: "The monthly budget must be a number of dollars, or empty for unlimited." })
      .min(0, "The monthly budget cannot be negative.")
      .max(10_000_000, "The monthly budget can be at most $10,000,000.")
      .nullable(),
  })
  .strict();

export type QuotaLimitsBody = z.infer<typeof quotaLimitsSchema>;

/** The path of .../quotas/users/[userId] or .../quotas/groups/[groupId]. */
export function ownerParamsSchema<K extends "userId" | "groupId">(key: K, kind: "user" | "group") {
  const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, `The ${kind} id is not valid.`);
  return z.object({ [key]: id } as Record<K, typeof id>);
}

export const userSearchQuerySchema = z.object({ q: z.string().trim().min(1, "Type part of a name or email.").max(200) });
