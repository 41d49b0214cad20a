import "server-only";
import type { ArenaVote } from "@/lib/arena/types";
import { getDb } from "./client";
import type { ModelUser } from "./model-access";

export interface LeaderboardFilter {
  /** Votes (and rated answers) from this time on; null: all time. */
  since: Date | null;
  /** Only votes and ratings by members of this group; null: everyone's. */
  groupId: string | null;
}

export interface ArenaVoteRow {
  modelAId: string;
  modelBId: string;
  vote: ArenaVote;
}

/** Every vote in the filter, oldest first. */
export async function listArenaVotes({ since, groupId }: LeaderboardFilter): Promise<ArenaVoteRow[]> {
  const rows = await getDb().arenaBattle.findMany({
    where: {
      vote: { not: null },
      ...(since ? { votedAt: { gte: since } } : {}),
      ...(groupId ? { user: { memberships: { some: { groupId } } } } : {}),
    },
    orderBy: [{ votedAt: "asc" }, { id: "asc" }],
    select: { modelAId: true, modelBId: true, vote: true },
  });
  return rows.flatMap((row) => (row.vote ? [{ modelAId: row.modelAId, modelBId: row.modelBId, vote: row.vote as ArenaVote }] : []));
}

/** Thumbs up and down per model on answers in ordinary chats (a message's rating, Message.feedback). */
export async function countFeedbackByModel({ since, groupId }: LeaderboardFilter): Promise<{ modelId: string; up: number; down: number }[]> {
  const groups = await getDb().message.groupBy({
    by: ["modelId", "feedback"],
    where: {
      role: "assistant",
      modelId: { not: null },
      feedback: { in: [1, -1] },
      ...(since ? { createdAt: { gte: since } } : {}),
      ...(groupId ? { conversation: { user: { memberships: { some: { groupId } } } } } : {}),
    },
    _count: { _all: true },
  });
  const byModel = new Map<string, { modelId: string; up: number; down: number }>();
  for (const group of groups) {
    if (!group.modelId) continue;
    const row = byModel.get(group.modelId) ?? { modelId: group.modelId, up: 0, down: 0 };
    if (group.feedback === 1) row.up += group._count._all;
    else row.down += group._count._all;
    byModel.set(group.modelId, row);
  }
  return [...byModel.values()];
}

/** The groups a user may filter the leaderboard by: every group for an admin, else their own. */
export async function listLeaderboardGroups(user: ModelUser): Promise<{ id: string; name: string }[]> {
  const rows = await getDb().group.findMany({
    where: user.role === "admin" ? {} : { members: { some: { userId: user.id } } },
    select: { id: true, name: true },
  });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
}
