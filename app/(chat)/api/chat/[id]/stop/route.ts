import { refuseCrossOriginWrite } from "@/lib/api/refuse-cross-origin";
import { apiError } from "@/lib/api/responses";
import { getCurrentUser } from "@/lib/auth/session";
import { internalError } from "@/lib/chat/api-responses";
import { answerQuerySchema } from "@/lib/chat/compare-input";
import { conversationIdSchema } from "@/lib/chat/request-input";
import { stopGeneration } from "@/lib/chat/stop";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Stops the answers being written, or only `?messageId=`'s; partial answers are kept as "stopped". */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const crossOrigin = refuseCrossOriginWrite(request);
  if (crossOrigin) return crossOrigin;
  const id = conversationIdSchema.safeParse((await params).id);
  if (!id.success) return apiError("bad_request", "The conversation id is not valid.");
  const query = answerQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError("bad_request", "The message id is not valid.");
  const user = await getCurrentUser();
  if (!user) return apiError("unauthorized", "Sign in to continue.");
  return stopGeneration(user.id, id.data, query.data.messageId).catch((error: unknown) => internalError("POST /api/chat/[id]/stop", error));
}
