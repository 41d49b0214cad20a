import { describe, expect, it } from "vitest";
import { ratingsWithIntervals } from "@/lib/arena/bootstrap";
import { bradleyTerryRatings, type Game } from "@/lib/arena/bradley-terry";
import { seededRandom } from "@/lib/arena/prng";
import { gameOf, standings, type VoteInput, winRateMatrix } from "@/lib/arena/standings";

const games = (a: string, b: string, wins: number, losses: number, ties = 0): Game[] => [
  ...Array.from({ length: wins }, () => ({ a, b, score: 1 })),
  ...Array.from({ length: losses }, () => ({ a, b, score: 0 })),
  ...Array.from({ length: ties }, () => ({ a, b, score: 0.5 })),
];

describe("Bradley–Terry ratings", () => {
  it("match the maximum-likelihood odds when there are many games (the prior then weighs little)", () => {
    // 300 wins in 400 games: odds 3:1, i.e. 400·log10(3) ≈ 190.8 Elo points apart, centred on 1000.
    const ratings = bradleyTerryRatings(["x", "y"], games("x", "y", 300, 100));
    const difference = (ratings.get("x") ?? 0) - (ratings.get("y") ?? 0);
    expect(difference).toBeGreaterThan(188);
    expect(difference).toBeLessThan(400 * Math.log10(3));
    expect(((ratings.get("x") ?? 0) + (ratings.get("y") ?? 0)) / 2).toBeCloseTo(1000, 6);
  });

  it("rate a stronger model higher, in the order of a transitive dataset", () => {
    const data = [...games("strong", "middle", 7, 3), ...games("middle", "weak", 7, 3), ...games("strong", "weak", 9, 1)];
    const ratings = bradleyTerryRatings(["weak", "middle", "strong"], data);
    expect(ratings.get("strong")).toBeGreaterThan(ratings.get("middle") ?? Infinity);
    expect(ratings.get("middle")).toBeGreaterThan(ratings.get("weak") ?? Infinity);
  });

  it("give equal ratings for a balanced record or only ties, and stay finite for a model that never won", () => {
    const balanced = bradleyTerryRatings(["x", "y"], games("x", "y", 5, 5));
    expect(balanced.get("x")).toBeCloseTo(1000, 6);
    expect(balanced.get("y")).toBeCloseTo(1000, 6);
    const ties = bradleyTerryRatings(["x", "y"], games("x", "y", 0, 0, 4));
    expect(ties.get("x")).toBeCloseTo(ties.get("y") ?? 0, 6);
    const shutout = bradleyTerryRatings(["x", "y"], games("x", "y", 5, 0));
    expect(Number.isFinite(shutout.get("y"))).toBe(true);
    expect(shutout.get("x")).toBeGreaterThan(shutout.get("y") ?? Infinity);
  });

  it("do not depend on which side a model was shown on", () => {
    const asA = bradleyTerryRatings(["x", "y"], games("x", "y", 4, 1));
    const asB = bradleyTerryRatings(["x", "y"], games("y", "x", 1, 4));
    expect(asA.get("x")).toBeCloseTo(asB.get("x") ?? 0, 6);
  });
});

describe("bootstrap intervals", () => {
  const data = [...games("strong", "middle", 14, 6, 2), ...games("middle", "weak", 13, 7), ...games("strong", "weak", 17, 3, 1)];
  const models = ["weak", "middle", "strong"];

  it("contain the estimate and are the same for the same seed", () => {
    const first = ratingsWithIntervals(models, data, { seed: 7 });
    for (const model of models) {
      const { rating, low, high } = first.get(model) ?? { rating: 0, low: 1, high: -1 };
      expect(low).toBeLessThanOrEqual(rating);
      expect(high).toBeGreaterThanOrEqual(rating);
      expect(high - low).toBeGreaterThan(0);
    }
    expect(ratingsWithIntervals(models, data, { seed: 7 })).toEqual(first);
    expect(ratingsWithIntervals(models, data, { seed: 8 })).not.toEqual(first);
  });

  it("narrow with more votes", () => {
    const width = (games: Game[]) => {
      const interval = ratingsWithIntervals(models, games).get("strong");
      return (interval?.high ?? 0) - (interval?.low ?? 0);
    };
    expect(width([...data, ...data, ...data, ...data])).toBeLessThan(width(data));
  });

  it("use a deterministic generator in [0, 1)", () => {
    const random = seededRandom(42);
    const values = Array.from({ length: 1000 }, random);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, seededRandom(42))).toEqual(values);
  });
});

describe("standings and win rates", () => {
  const votes: VoteInput[] = [
    { modelAId: "x", modelBId: "y", vote: "a" },
    { modelAId: "y", modelBId: "x", vote: "b" },
    { modelAId: "x", modelBId: "y", vote: "tie" },
    { modelAId: "y", modelBId: "z", vote: "both_bad" },
    { modelAId: "z", modelBId: "x", vote: "a" },
  ];

  it('count "both bad" as a tie', () => {
    expect(gameOf({ modelAId: "x", modelBId: "y", vote: "both_bad" })).toEqual({ a: "x", b: "y", score: 0.5 });
  });

  it("count each model's votes, wins, losses, ties and both-bad, best rated first", () => {
    const rows = standings(votes, (id) => id.toUpperCase());
    const byId = new Map(rows.map((row) => [row.modelId, row]));
    expect(byId.get("x")).toMatchObject({ name: "X", votes: 4, wins: 2, losses: 1, ties: 1, bothBad: 0 });
    expect(byId.get("y")).toMatchObject({ votes: 4, wins: 0, losses: 2, ties: 1, bothBad: 1 });
    expect(byId.get("z")).toMatchObject({ votes: 2, wins: 1, losses: 0, ties: 0, bothBad: 1 });
    expect(rows.map((row) => row.rating)).toEqual([...rows.map((row) => row.rating)].sort((a, b) => b - a));
    expect(byId.get("x")?.rating).toBeGreaterThan(byId.get("y")?.rating ?? Infinity);
  });

  it("give each pair's share of points, ties half, and null for pairs that never met", () => {
    const matrix = winRateMatrix(votes, ["x", "y", "z"]);
    expect(matrix.cells[0]?.[1]).toEqual({ games: 3, winRate: 2.5 / 3 });
    expect(matrix.cells[1]?.[0]).toEqual({ games: 3, winRate: 0.5 / 3 });
    expect(matrix.cells[1]?.[2]).toEqual({ games: 1, winRate: 0.5 });
    expect(matrix.cells[2]?.[0]).toEqual({ games: 1, winRate: 1 });
    expect(matrix.cells[0]?.[0]).toEqual({ games: 0, winRate: null });
  });
});
