import { apiError, apiJson } from "@/lib/api/responses";
import { getCurrentUser } from "@/lib/auth/session";
import { internalError } from "@/lib/chat/api-responses";
import { InvalidCursorError, listConversationSummaries } from "@/lib/chat/conversation-view";
import { conversationListQuerySchema, firstIssueMessage } from "@/lib/chat/request-input";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The sidebar: `?limit=30&cursor=…` → { conversations: ConversationSummary[], nextCursor: string | null }. */
export async function GET(request: Request): Promise<Response> {
  const query = conversationListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError("bad_request", firstIssueMessage(query.error));
  const user = await getCurrentUser();
  if (!user) return apiError("unauthorized", "Sign in to continue.");
  try {
    return apiJson(await listConversationSummaries(user.id, query.data));
  } catch (error) {
    if (error instanceof InvalidCursorError) return apiError("bad_request", error.message);
    return internalError("GET /api/conversations", error);
  }
}
