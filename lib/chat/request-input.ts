import { z } from "zod";
import { apiError } from "@/lib/api/responses";
import { cleanJson } from "@/lib/text/clean-text";

/** Generous for a 100,000-character message in JSON (escapes included), small enough to refuse abuse early. */
const MAX_BODY_BYTES = 1_000_000;

export const conversationIdSchema = z.uuid();

export const conversationListQuerySchema = z
  .object({
    cursor: z.string().min(1).max(1_000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();

type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/** The request's JSON body, or the 400/413 answer to give instead. */
export async function readJsonBody(request: Request): Promise<BodyResult> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { ok: false, response: apiError("payload_too_large", "The message is too long.") };
  const text = await readTextUpTo(request, MAX_BODY_BYTES);
  if (text === null) return { ok: false, response: apiError("payload_too_large", "The message is too long.") };
  try {
    return { ok: true, value: cleanJson(JSON.parse(text)) };
  } catch {
    return { ok: false, response: apiError("bad_request", "The request body must be JSON.") };
  }
}

/** The first problem zod found, worded for the user (the schemas carry user-facing messages where it matters). */
export function firstIssueMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request is not valid.";
  const path = issue.path.join(".");
  return path && issue.code !== "custom" && !issue.message.endsWith(".") ? `${path}: ${issue.message}` : issue.message;
}

/** The body as text, or null as soon as it grows past `limit` bytes (a chunked body declares no length). */
async function readTextUpTo(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
