import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { getArenaBattle } from "@/lib/arena/battle";
import { battleParamsSchema } from "../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The user's own battle: `{ battle }`, with the model names once voted on. */
export const GET = route(
  { auth: "user", params: battleParamsSchema, invalid: { params: new ApiError("not_found", "This battle does not exist.") } },
  async ({ user, params }) => apiJson({ battle: await getArenaBattle(user, params.id) }),
);
