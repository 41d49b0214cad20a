import { z } from "zod";
import { refuseCrossOriginWrite } from "@/lib/api/refuse-cross-origin";
import { apiError, apiJson } from "@/lib/api/responses";
import { getCurrentUser } from "@/lib/auth/session";
import { internalError } from "@/lib/chat/api-responses";
import { readJsonBody } from "@/lib/chat/request-input";
import { findMessageWithOwner, setMessageFeedback } from "@/lib/db/feedback";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Ids are UUIDs today; older rows may hold cuids, so any short plain id is accepted.
const messageIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const feedbackBodySchema = z.object({ value: z.union([z.literal(1), z.literal(-1), z.null()]) }).strict();

/** Thumbs up (1), thumbs down (-1) or neither (null) on an answer, by the owner of its conversation. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const crossOrigin = refuseCrossOriginWrite(request);
  if (crossOrigin) return crossOrigin;
  const id = messageIdSchema.safeParse((await params).id);
  if (!id.success) return apiError("bad_request", "The message id is not valid.");
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = feedbackBodySchema.safeParse(body.value);
  if (!input.success) return apiError("bad_request", "value must be 1, -1 or null.");
  const user = await getCurrentUser();
  if (!user) return apiError("unauthorized", "Sign in to continue.");
  try {
    const message = await findMessageWithOwner(id.data);
    if (!message || message.conversation.userId !== user.id) return apiError("not_found", "This message does not exist.");
    if (message.role !== "assistant") return apiError("bad_request", "Only answers can be rated.");
    await setMessageFeedback(message.id, input.data.value);
    return apiJson({ id: message.id, value: input.data.value });
  } catch (error) {
    return internalError("POST /api/messages/[id]/feedback", error);
  }
}
