import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { findMessageWithOwner, setMessageFeedback } from "@/lib/db/feedback";
import { feedbackBodySchema, feedbackParamsSchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Thumbs up (1), thumbs down (-1) or neither (null) on an answer, by the owner of its conversation. */
export const POST = route(
  { auth: "user", params: feedbackParamsSchema, body: feedbackBodySchema, invalid: { body: new ApiError("bad_request", "value must be 1, -1 or null.") } },
  async ({ user, params, body }) => {
    const message = await findMessageWithOwner(params.id);
    if (!message || message.conversation.userId !== user.id) throw new ApiError("not_found", "This message does not exist.");
    if (message.role !== "assistant") throw new ApiError("bad_request", "Only answers can be rated.");
    await setMessageFeedback(message.id, body.value);
    return apiJson({ id: message.id, value: body.value });
  },
);
