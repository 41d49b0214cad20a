import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { voteOnArenaBattle } from "@/lib/arena/battle";
import { battleParamsSchema, battleVoteSchema } from "../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** `{ vote }` once per battle, by its owner (409 the second time): answers `{ battle }` with the names revealed. */
export const POST = route(
  { auth: "user", params: battleParamsSchema, body: battleVoteSchema, invalid: { params: new ApiError("not_found", "This battle does not exist.") } },
  async ({ user, params, body }) => apiJson({ battle: await voteOnArenaBattle(user, params.id, body.vote) }),
);
