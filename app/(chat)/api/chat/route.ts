import { chatStreamResponse } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { sendMessage } from "@/lib/chat/send-message";
import { chatRequestSchema } from "@/lib/chat/types";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * A new user message (possibly an edit: `parentId`), or `regenerate` for a new answer to a stored one; answers with
 * the UI message stream of the reply (see lib/chat/send-message.ts).
 */
export const POST = route({ auth: "user", body: chatRequestSchema }, async ({ user, body }) => {
  const startedAt = Date.now();
  return chatStreamResponse(await sendMessage(user, body, { startedAt }));
});
