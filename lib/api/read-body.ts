import { cleanJson } from "@/lib/text/clean-text";
import { ApiError } from "./errors";

/** Generous for a 100,000-character message in JSON (escapes included), small enough to refuse abuse early. */
const MAX_BODY_BYTES = 1_000_000;

/** The request's JSON body; 413 past the cap (declared or counted), 400 when it is not JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new ApiError("payload_too_large", "The message is too long.");
  const text = await readTextUpTo(request, MAX_BODY_BYTES);
  if (text === null) throw new ApiError("payload_too_large", "The message is too long.");
  try {
    return cleanJson(JSON.parse(text));
  } catch {
    throw new ApiError("bad_request", "The request body must be JSON.");
  }
}

/** The request's body as text (an uploaded file); 413 with `tooLarge` past `limit` bytes, declared or counted. */
export async function readTextBody(request: Request, limit: number, tooLarge: string): Promise<string> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw new ApiError("payload_too_large", tooLarge);
  const text = await readTextUpTo(request, limit);
  if (text === null) throw new ApiError("payload_too_large", tooLarge);
  return text;
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
