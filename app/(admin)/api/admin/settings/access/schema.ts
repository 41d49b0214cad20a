import { z } from "zod";

export const accessSettingsBodySchema = z.object({
  /** What the admin typed: domains separated by commas, spaces or new lines; empty allows every domain. */
  allowedEmailDomains: z.string().max(5_000, "The list is too long."),
  requireApproval: z.boolean(),
});
