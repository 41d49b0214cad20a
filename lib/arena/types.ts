// The Arena's contract between the server (lib/arena, app/(chat)/api/arena) and the browser. Safe for the browser:
// a battle names its models only once it was voted on.

export const ARENA_VOTES = ["a", "b", "tie", "both_bad"] as const;

/** Model A better, model B better, a tie, or both bad. */
export type ArenaVote = (typeof ARENA_VOTES)[number];

export const ARENA_SIDES = ["a", "b"] as const;

export type ArenaSide = (typeof ARENA_SIDES)[number];

export interface RevealedModel {
  id: string;
  name: string;
}

/** A battle as its owner sees it: `models` is null until the vote. */
export interface ArenaBattleView {
  id: string;
  prompt: string;
  createdAt: string;
  vote: ArenaVote | null;
  models: { a: RevealedModel; b: RevealedModel } | null;
}

/** One model on the leaderboard: its rating (Elo scale) with a 95 % bootstrap interval, and its votes. */
export interface LeaderboardRow {
  modelId: string;
  name: string;
  rating: number;
  low: number;
  high: number;
  votes: number;
  wins: number;
  losses: number;
  ties: number;
  bothBad: number;
}

/** cells[row][column]: the row model's share of points against the column model (ties half); null when none. */
export interface WinRateMatrix {
  modelIds: string[];
  cells: { games: number; winRate: number | null }[][];
}

/** Thumbs up and down on a model's answers in ordinary chats. */
export interface ModelFeedbackRow {
  modelId: string;
  name: string;
  up: number;
  down: number;
  /** up / (up + down); null without ratings. */
  upRate: number | null;
}

export const LEADERBOARD_PERIODS = ["7", "30", "90", "all"] as const;

/** The last 7, 30 or 90 days, or all time. */
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

export interface Leaderboard {
  period: LeaderboardPeriod;
  groupId: string | null;
  totalVotes: number;
  rows: LeaderboardRow[];
  matrix: WinRateMatrix;
  feedback: ModelFeedbackRow[];
}
