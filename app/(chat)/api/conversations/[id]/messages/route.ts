import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { loadActiveBranch } from "@/lib/chat/conversation-view";
import type { BranchMessages } from "@/lib/chat/types";
import { conversationParamsSchema } from "../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The messages on show (the active branch, root first), each with its place among its alternatives. */
export const GET = route({ auth: "user", params: conversationParamsSchema }, async ({ user, params }) => {
  const messages = await loadActiveBranch(user.id, params.id);
  if (!messages) throw new ApiError("not_found", "This conversation does not exist.");
  return apiJson<BranchMessages>({ messages });
});
