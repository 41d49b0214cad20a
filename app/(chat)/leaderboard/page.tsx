import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { leaderboardQuerySchema } from "@/app/(chat)/api/arena/leaderboard/schema";
import { LeaderboardFilters } from "@/components/arena/leaderboard-filters";
import { FeedbackTable, RatingsTable, WinRateTable } from "@/components/arena/leaderboard-tables";
import { ApiError } from "@/lib/api/errors";
import { buildLeaderboard } from "@/lib/arena/leaderboard";
import { requireUser } from "@/lib/auth/session";
import { getArenaEnabled } from "@/lib/db/arena-settings";
import { listLeaderboardGroups } from "@/lib/db/leaderboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Leaderboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every signed-in user: the Arena's ratings and win rates, and thumbs up/down from chats, by period and group. */
export default async function LeaderboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/leaderboard");
  const parsed = leaderboardQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { period: "all" as const, groupId: undefined };
  const groupId = query.groupId ?? null;
  const [groups, arenaEnabled] = await Promise.all([listLeaderboardGroups(user), getArenaEnabled()]);
  const leaderboard = await buildLeaderboard(user, { period: query.period, groupId }).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  });

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-5 px-4 py-6 sm:px-6 sm:py-10">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Leaderboard</h1>
          <p className="mt-1.5 max-w-3xl text-sm text-muted-foreground">
            Ratings from blind battles (Bradley–Terry on the Elo scale, 1000 in the middle; 400 points apart means 10:1 odds), with a 95 % bootstrap interval. A
            tie and &ldquo;both bad&rdquo; count as half a win for each model. Beside them, how often answers in ordinary chats got a thumbs up.
          </p>
        </div>
        {arenaEnabled && (
          // A full page load: the blind page's document must not keep this page's model names.
          <a href="/compare/blind" className="text-sm underline underline-offset-4">
            Start a blind battle
          </a>
        )}
      </header>
      <LeaderboardFilters period={query.period} groupId={groupId} groups={groups} />
      <RatingsTable leaderboard={leaderboard} />
      <WinRateTable leaderboard={leaderboard} />
      <FeedbackTable leaderboard={leaderboard} />
    </div>
  );
}
