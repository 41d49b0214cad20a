import { apiError } from "@/lib/api/responses";
import { getCurrentUser } from "@/lib/auth/session";
import { internalError } from "@/lib/chat/api-responses";
import { exportFilename, exportQuerySchema, toConversationExport, toMarkdown } from "@/lib/chat/export";
import { conversationIdSchema } from "@/lib/chat/request-input";
import { getConversationForUser } from "@/lib/db/conversations";
import { listMessages } from "@/lib/db/messages";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const CONTENT_TYPES = { md: "text/markdown; charset=utf-8", json: "application/json; charset=utf-8" } as const;

/** The conversation as a file to download: ?format=md (readable) or ?format=json (complete). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = conversationIdSchema.safeParse((await params).id);
  if (!id.success) return apiError("bad_request", "The conversation id is not valid.");
  const query = exportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError("bad_request", "format must be md or json.");
  const user = await getCurrentUser();
  if (!user) return apiError("unauthorized", "Sign in to continue.");
  try {
    const conversation = await getConversationForUser(user.id, id.data);
    if (!conversation) return apiError("not_found", "This conversation does not exist.");
    const data = toConversationExport(conversation, await listMessages(conversation.id));
    const { format } = query.data;
    const body = format === "md" ? toMarkdown(data) : JSON.stringify(data, null, 2);
    return new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": `attachment; filename="${exportFilename(conversation.title, format)}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return internalError("GET /api/chat/[id]/export", error);
  }
}
