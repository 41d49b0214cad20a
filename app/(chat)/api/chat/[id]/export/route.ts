import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { exportFilename, exportQuerySchema, toConversationExport, toMarkdown } from "@/lib/chat/export";
import { getConversationForUser } from "@/lib/db/conversations";
import { listMessages } from "@/lib/db/messages";
import { conversationParamsSchema } from "../../../conversations/schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const CONTENT_TYPES = { md: "text/markdown; charset=utf-8", json: "application/json; charset=utf-8" } as const;

/** The conversation as a file to download: ?format=md (readable) or ?format=json (complete). */
export const GET = route(
  { auth: "user", params: conversationParamsSchema, query: exportQuerySchema, invalid: { query: new ApiError("bad_request", "format must be md or json.") } },
  async ({ user, params, query: { format } }) => {
    const conversation = await getConversationForUser(user.id, params.id);
    if (!conversation) throw new ApiError("not_found", "This conversation does not exist.");
    const data = toConversationExport(conversation, await listMessages(conversation.id));
    const body = format === "md" ? toMarkdown(data) : JSON.stringify(data, null, 2);
    return new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": `attachment; filename="${exportFilename(conversation.title, format)}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
