import { z } from "zod";
import { LEADERBOARD_PERIODS } from "@/lib/arena/types";

/** `?period=7|30|90|all&groupId=` of the leaderboard (the page reads the same). */
export const leaderboardQuerySchema = z.object({
  period: z.enum(LEADERBOARD_PERIODS, "The period is 7, 30, 90 or all.").default("all"),
  groupId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, "The group id is not valid.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
