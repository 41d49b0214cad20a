import { z } from "zod";

/** PUT /api/admin/settings/arena. */
export const arenaSettingsInputSchema = z.object({ enabled: z.boolean() }).strict();
