import { ratingsWithIntervals } from "./bootstrap";
import type { Game } from "./bradley-terry";
import type { ArenaVote, LeaderboardRow, WinRateMatrix } from "./types";

export interface VoteInput {
  modelAId: string;
  modelBId: string;
  vote: ArenaVote;
}

/** A's score: "both bad" counts as a tie (neither answer was better), like "tie". */
export function gameOf({ modelAId, modelBId, vote }: VoteInput): Game {
  const score = vote === "a" ? 1 : vote === "b" ? 0 : 0.5;
  return { a: modelAId, b: modelBId, score };
}

/** Each model's votes, wins, losses, ties and "both bad", and its rating with a 95 % interval; best first. */
export function standings(votes: readonly VoteInput[], nameOf: (modelId: string) => string): LeaderboardRow[] {
  const models = [...new Set(votes.flatMap((vote) => [vote.modelAId, vote.modelBId]))].sort();
  const ratings = ratingsWithIntervals(models, votes.map(gameOf));
  const rows = new Map<string, LeaderboardRow>(
    models.map((modelId) => {
      const { rating, low, high } = ratings.get(modelId) ?? { rating: 0, low: 0, high: 0 };
      return [modelId, { modelId, name: nameOf(modelId), rating, low, high, votes: 0, wins: 0, losses: 0, ties: 0, bothBad: 0 }];
    }),
  );
  for (const vote of votes) {
    for (const [side, modelId] of [
      ["a", vote.modelAId],
      ["b", vote.modelBId],
    ] as const) {
      const row = rows.get(modelId);
      if (!row) continue;
      row.votes++;
      if (vote.vote === "tie") row.ties++;
      else if (vote.vote === "both_bad") row.bothBad++;
      else if (vote.vote === side) row.wins++;
      else row.losses++;
    }
  }
  return [...rows.values()].sort((x, y) => y.rating - x.rating || x.modelId.localeCompare(y.modelId));
}

/** Row model against column model: games and the row's share of the points (ties half), for `modelIds` in order. */
export function winRateMatrix(votes: readonly VoteInput[], modelIds: readonly string[]): WinRateMatrix {
  const index = new Map(modelIds.map((modelId, at) => [modelId, at]));
  const games = modelIds.map(() => modelIds.map(() => 0));
  const points = modelIds.map(() => modelIds.map(() => 0));
  for (const vote of votes) {
    const a = index.get(vote.modelAId);
    const b = index.get(vote.modelBId);
    if (a === undefined || b === undefined || a === b) continue;
    const { score } = gameOf(vote);
    (games[a] as number[])[b] = ((games[a] as number[])[b] ?? 0) + 1;
    (games[b] as number[])[a] = ((games[b] as number[])[a] ?? 0) + 1;
    (points[a] as number[])[b] = ((points[a] as number[])[b] ?? 0) + score;
    (points[b] as number[])[a] = ((points[b] as number[])[a] ?? 0) + 1 - score;
  }
  return {
    modelIds: [...modelIds],
    cells: modelIds.map((_, row) =>
      modelIds.map((__, column) => {
        const played = games[row]?.[column] ?? 0;
        return { games: played, winRate: played === 0 ? null : (points[row]?.[column] ?? 0) / played };
      }),
    ),
  };
}
