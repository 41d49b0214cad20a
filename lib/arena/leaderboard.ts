import "server-only";
import { ApiError } from "@/lib/api/errors";
import { findModelNames } from "@/lib/db/arena-battles";
import { countFeedbackByModel, listArenaVotes, listLeaderboardGroups } from "@/lib/db/leaderboard";
import type { ModelUser } from "@/lib/db/model-access";
import { standings, winRateMatrix } from "./standings";
import type { Leaderboard, LeaderboardPeriod, ModelFeedbackRow } from "./types";

const DAY_MS = 86_400_000;

function sinceOf(period: LeaderboardPeriod, now: Date): Date | null {
  return period === "all" ? null : new Date(now.getTime() - Number(period) * DAY_MS);
}

/**
 * GET /api/arena/leaderboard and the leaderboard page: ratings from the Arena's votes and thumbs up/down from
 * ordinary chats, for a period and optionally one group's members (a group the user may see: any for an admin, their
 * own otherwise; 404 for another). Visible whether the Arena is on or off: it reports votes already given.
 */
export async function buildLeaderboard(
  user: ModelUser,
  { period, groupId }: { period: LeaderboardPeriod; groupId: string | null },
  now = new Date(),
): Promise<Leaderboard> {
  if (groupId && !(await listLeaderboardGroups(user)).some((group) => group.id === groupId)) {
    throw new ApiError("not_found", "This group does not exist.");
  }
  const filter = { since: sinceOf(period, now), groupId };
  const [votes, feedbackCounts] = await Promise.all([listArenaVotes(filter), countFeedbackByModel(filter)]);
  const modelIds = [...new Set([...votes.flatMap((vote) => [vote.modelAId, vote.modelBId]), ...feedbackCounts.map((row) => row.modelId)])];
  const names = await findModelNames(modelIds);
  const nameOf = (modelId: string) => names.get(modelId) ?? modelId;
  const rows = standings(votes, nameOf);
  const feedback: ModelFeedbackRow[] = feedbackCounts
    .map(({ modelId, up, down }) => ({ modelId, name: nameOf(modelId), up, down, upRate: up + down === 0 ? null : up / (up + down) }))
    .sort((a, b) => (b.upRate ?? -1) - (a.upRate ?? -1) || b.up + b.down - (a.up + a.down) || a.name.localeCompare(b.name));
  return {
    period,
    groupId,
    totalVotes: votes.length,
    rows,
    matrix: winRateMatrix(
      votes,
      rows.map((row) => row.modelId),
    ),
    feedback,
  };
}
