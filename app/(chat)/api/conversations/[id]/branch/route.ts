import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { switchBranch } from "@/lib/chat/conversation-view";
import { type BranchMessages, switchBranchSchema } from "@/lib/chat/types";
import { conversationParamsSchema } from "../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * `{ messageId }` → shows that alternative (a regenerated answer, an edited version of a question) and the newest
 * branch under it, stored for the next visit; answers with the messages now on show.
 */
export const PATCH = route({ auth: "user", params: conversationParamsSchema, body: switchBranchSchema }, async ({ user, params, body }) => {
  const result = await switchBranch(user.id, params.id, body.messageId);
  if (result.ok) return apiJson<BranchMessages>({ messages: result.messages });
  if (result.reason === "busy") throw new ApiError("busy", "An answer is still being written in this conversation. Wait for it to finish, or stop it.");
  throw new ApiError("not_found", "This message does not exist in this conversation.");
});
