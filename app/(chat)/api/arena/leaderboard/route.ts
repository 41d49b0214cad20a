import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { buildLeaderboard } from "@/lib/arena/leaderboard";
import { leaderboardQuerySchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The leaderboard for any signed-in user: ratings, win rates and votes from the Arena, thumbs up/down from chats. */
export const GET = route({ auth: "user", query: leaderboardQuerySchema }, async ({ user, query }) =>
  apiJson(await buildLeaderboard(user, { period: query.period, groupId: query.groupId ?? null })),
);
