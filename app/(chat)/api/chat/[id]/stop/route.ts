import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { answerQuerySchema } from "@/lib/chat/compare-input";
import { stopGeneration } from "@/lib/chat/stop";
import { conversationParamsSchema } from "../../../conversations/schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Stops the answers being written, or only `?messageId=`'s; partial answers are kept as "stopped". */
export const POST = route({ auth: "user", params: conversationParamsSchema, query: answerQuerySchema }, async ({ user, params, query }) =>
  apiJson(await stopGeneration(user.id, params.id, query.messageId)),
);
