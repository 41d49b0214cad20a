import { bradleyTerryRatings, type Game } from "./bradley-terry";
import { seededRandom } from "./prng";

export interface RatingInterval {
  rating: number;
  /** The 2.5th and 97.5th percentiles of the rating over the resamples: a 95 % interval. */
  low: number;
  high: number;
}

const DEFAULT_ROUNDS = 200;
const DEFAULT_SEED = 13;

/** The q-quantile of sorted values, interpolated between the two nearest. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (position - below);
}

/**
 * Ratings with percentile bootstrap intervals: the games are resampled with replacement `rounds` times and refitted.
 * Seeded, so the same votes give the same intervals (and tests are deterministic).
 */
export function ratingsWithIntervals(
  models: readonly string[],
  games: readonly Game[],
  { rounds = DEFAULT_ROUNDS, seed = DEFAULT_SEED }: { rounds?: number; seed?: number } = {},
): Map<string, RatingInterval> {
  const estimate = bradleyTerryRatings(models, games);
  const samples = new Map(models.map((model) => [model, [] as number[]]));
  const random = seededRandom(seed);
  for (let round = 0; round < rounds && games.length > 0; round++) {
    const resample = Array.from({ length: games.length }, () => games[Math.floor(random() * games.length)] as Game);
    for (const [model, rating] of bradleyTerryRatings(models, resample)) samples.get(model)?.push(rating);
  }
  return new Map(
    models.map((model) => {
      const rating = estimate.get(model) as number;
      const sorted = (samples.get(model) ?? []).sort((x, y) => x - y);
      if (sorted.length === 0) return [model, { rating, low: rating, high: rating }];
      return [model, { rating, low: quantile(sorted, 0.025), high: quantile(sorted, 0.975) }];
    }),
  );
}
