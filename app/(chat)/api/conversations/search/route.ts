import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { searchConversationSummaries } from "@/lib/chat/conversation-view";
import { conversationSearchQuerySchema } from "../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** `?q=…` (2..200 characters) → { results: ConversationSearchResult[] }: titles and message text, newest first. */
export const GET = route({ auth: "user", query: conversationSearchQuerySchema }, async ({ user, query }) =>
  apiJson(await searchConversationSummaries(user.id, query.q)),
);
