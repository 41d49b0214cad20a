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
