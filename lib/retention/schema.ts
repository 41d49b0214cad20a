import { z } from "zod";

export const RETENTION_MIN_DAYS = 1;
export const RETENTION_MAX_DAYS = 3650;

/** PUT /api/admin/settings/retention: `{ days: 1–3650 }` deletes conversations idle that long; `{ days: null }` keeps them. */
export const retentionSettingsInputSchema = z
  .object({
    days: z
      .number({ error: "days must be a whole number of days, or null to keep conversations for ever." })
      .int({ error: "days must be a whole number." })
      .min(RETENTION_MIN_DAYS, { error: `days must be at least ${RETENTION_MIN_DAYS}.` })
      .max(RETENTION_MAX_DAYS, { error: `days must be at most ${RETENTION_MAX_DAYS} (ten years).` })
      .nullable(),
  })
  .strict();
