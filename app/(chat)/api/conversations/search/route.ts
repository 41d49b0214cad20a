import { apiError, apiJson } from "@/lib/api/responses";
import { getCurrentUser } from "@/lib/auth/session";
import { internalError } from "@/lib/chat/api-responses";
import { searchConversationSummaries } from "@/lib/chat/conversation-view";
import { firstIssueMessage } from "@/lib/chat/request-input";
import { conversationSearchQuerySchema } from "../input";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** `?q=…` (2..200 characters) → { results: ConversationSearchResult[] }: titles and message text, newest first. */
export async function GET(request: Request): Promise<Response> {
  const query = conversationSearchQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError("bad_request", firstIssueMessage(query.error));
  const user = await getCurrentUser();
  if (!user) return apiError("unauthorized", "Sign in to continue.");
  try {
    return apiJson(await searchConversationSummaries(user.id, query.data.q));
  } catch (error) {
    return internalError("GET /api/conversations/search", error);
  }
}
