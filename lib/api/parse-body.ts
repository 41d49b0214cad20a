import type { z } from "zod";
import { cleanJson } from "@/lib/text/clean-text";
import { apiError } from "./responses";

/** Parses a JSON body with `schema`: malformed JSON or a failed check is a 400 naming the first problem. */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<{ data: z.infer<T> } | { error: Response }> {
  let raw: unknown;
  try {
    raw = cleanJson(await request.json());
  } catch {
    return { error: apiError("bad_request", "The request body must be JSON.") };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { error: apiError("bad_request", parsed.error.issues[0]?.message ?? "The request is not valid.") };
  return { data: parsed.data };
}

/** True when Prisma found no row to update or delete (P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2025";
}
