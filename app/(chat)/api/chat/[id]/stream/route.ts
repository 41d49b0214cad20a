import { chatStreamResponse, noContent } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { answerQuerySchema } from "@/lib/chat/compare-input";
import { resumeStream } from "@/lib/chat/resume";
import { conversationParamsSchema } from "../../../conversations/schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Resumes the answer being written, or `?messageId=`'s (full replay, then live); 204 when there is none. */
export const GET = route({ auth: "user", params: conversationParamsSchema, query: answerQuerySchema }, async ({ user, params, query }) => {
  const stream = await resumeStream(user.id, params.id, query.messageId);
  return stream ? chatStreamResponse(stream) : noContent();
});
