import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { InvalidCursorError, listConversationSummaries } from "@/lib/chat/conversation-view";
import { conversationListQuerySchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The sidebar: `?limit=30&cursor=…` → { conversations: ConversationSummary[], nextCursor: string | null }. */
export const GET = route({ auth: "user", query: conversationListQuerySchema }, async ({ user, query }) => {
  try {
    return apiJson(await listConversationSummaries(user.id, query));
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new ApiError("bad_request", error.message);
    throw error;
  }
});
