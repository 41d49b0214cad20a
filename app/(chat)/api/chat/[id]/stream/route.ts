import { apiError } from "@/lib/api/responses";
import { getCurrentUser } from "@/lib/auth/session";
import { internalError } from "@/lib/chat/api-responses";
import { answerQuerySchema } from "@/lib/chat/compare-input";
import { conversationIdSchema } from "@/lib/chat/request-input";
import { resumeStream } from "@/lib/chat/resume";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Resumes the answer being written, or `?messageId=`'s (full replay, then live); 204 when there is none. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = conversationIdSchema.safeParse((await params).id);
  if (!id.success) return apiError("bad_request", "The conversation id is not valid.");
  const query = answerQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError("bad_request", "The message id is not valid.");
  const user = await getCurrentUser();
  if (!user) return apiError("unauthorized", "Sign in to continue.");
  return resumeStream(user.id, id.data, query.data.messageId).catch((error: unknown) => internalError("GET /api/chat/[id]/stream", error));
}
