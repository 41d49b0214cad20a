import { z } from "zod";

/** A model's id: stored on conversations and usage records, and part of URLs, so it is a plain slug. */
export const modelIdSchema = z
  .string()
  .max(64, "must be at most 64 characters")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "must be a slug: lowercase letters, digits, '-', '.' and '_', starting with a letter or digit");
