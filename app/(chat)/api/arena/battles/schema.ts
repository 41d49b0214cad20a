import { z } from "zod";
import { ARENA_SIDES, ARENA_VOTES } from "@/lib/arena/types";
import { MAX_COMPARE_PROMPT_CHARS } from "@/lib/chat/compare-input";

/** POST /api/arena/battles: the prompt only; the server picks the models. */
export const startBattleSchema = z
  .object({
    prompt: z
      .string()
      .trim()
      .min(1, "Write a prompt for the two models.")
      .max(MAX_COMPARE_PROMPT_CHARS, `The prompt is too long (at most ${MAX_COMPARE_PROMPT_CHARS.toLocaleString("en")} characters).`),
  })
  .strict();

/** The path of /api/arena/battles/[id]/…: a cuid, or anything else that cannot name a battle (404). */
export const battleParamsSchema = z.object({ id: z.string().regex(/^[a-z0-9]{1,40}$/) });

/** `?side=a|b` of the stream. */
export const battleSideQuerySchema = z.object({ side: z.enum(ARENA_SIDES, "Choose side a or b.") });

/** POST /api/arena/battles/[id]/vote. */
export const battleVoteSchema = z.object({ vote: z.enum(ARENA_VOTES, "Vote a, b, tie or both_bad.") }).strict();
