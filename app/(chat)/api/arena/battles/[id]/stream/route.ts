import { ApiError } from "@/lib/api/errors";
import { chatStreamResponse, noContent } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { arenaAnswerStream } from "@/lib/arena/battle";
import { battleParamsSchema, battleSideQuerySchema } from "../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Answer A or B of the user's battle (`?side=a|b`), live or replayed, with nothing that names the model. */
export const GET = route(
  { auth: "user", params: battleParamsSchema, query: battleSideQuerySchema, invalid: { params: new ApiError("not_found", "This battle does not exist.") } },
  async ({ user, params, query }) => {
    const stream = await arenaAnswerStream(user, params.id, query.side);
    return stream ? chatStreamResponse(stream) : noContent();
  },
);
