import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { stopArenaBattle } from "@/lib/arena/battle";
import { battleParamsSchema } from "../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Stops both answers of the user's battle; what was written is kept as "stopped". */
export const POST = route(
  { auth: "user", params: battleParamsSchema, invalid: { params: new ApiError("not_found", "This battle does not exist.") } },
  async ({ user, params }) => apiJson(await stopArenaBattle(user, params.id)),
);
