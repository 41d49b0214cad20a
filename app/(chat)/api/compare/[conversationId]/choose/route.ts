import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { chooseCompareAnswer } from "@/lib/chat/compare-choose";
import { chooseAnswerSchema } from "@/lib/chat/compare-input";
import { comparePathSchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** "Continue with this answer": makes it the conversation's active answer. */
export const POST = route({ auth: "user", params: comparePathSchema, body: chooseAnswerSchema }, async ({ user, params, body }) =>
  apiJson(await chooseCompareAnswer(user.id, params.conversationId, body.messageId)),
);
