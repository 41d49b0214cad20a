import { refuseCrossOriginWrite } from "@/lib/api/refuse-cross-origin";
import { apiError } from "@/lib/api/responses";
import { getCurrentUser } from "@/lib/auth/session";
import { internalError } from "@/lib/chat/api-responses";
import { firstIssueMessage, readJsonBody } from "@/lib/chat/request-input";
import { sendMessage } from "@/lib/chat/send-message";
import { chatRequestSchemaFor } from "@/lib/chat/types";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * A new user message (possibly an edit: `parentId`), or `regenerate` for a new answer to a stored one; answers with
 * the UI message stream of the reply (see lib/chat/send-message.ts).
 */
export async function POST(request: Request): Promise<Response> {
  const crossOrigin = refuseCrossOriginWrite(request);
  if (crossOrigin) return crossOrigin;
  const startedAt = Date.now();
  // The session first: an anonymous client never gets a megabyte body read and parsed.
  const user = await getCurrentUser().catch((error: unknown) => internalError("POST /api/chat", error));
  if (user instanceof Response) return user;
  if (!user) return apiError("unauthorized", "Sign in to continue.");
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = chatRequestSchemaFor(body.value).safeParse(body.value);
  if (!input.success) return apiError("bad_request", firstIssueMessage(input.error));
  return sendMessage(user, input.data, { startedAt }).catch((error: unknown) => internalError("POST /api/chat", error));
}
