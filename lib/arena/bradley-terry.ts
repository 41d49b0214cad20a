// Bradley–Terry strengths from pairwise games, fitted with Hunter's MM iterations (Ann. Statist. 32, 2004):
// P(i beats j) = p_i / (p_i + p_j). A tie counts as half a win for each side. Every model also plays one virtual
// tie against a fixed opponent of strength 1: a weak prior that keeps a model with no wins (or no losses) finite
// and shrinks models with few votes towards the middle. Strengths are reported on the Elo scale around 1000:
// 1000 + 400·log10(p_i / geometric mean), so 400 points apart means 10:1 odds.

/** One game: `score` is A's result, 1 (A won), 0 (B won) or 0.5 (a tie). */
export interface Game {
  a: string;
  b: string;
  score: number;
}

const PRIOR_GAMES = 1;
const MAX_ITERATIONS = 10_000;
const TOLERANCE = 1e-10;
export const RATING_CENTER = 1000;
const ELO_SCALE = 400;

function add(table: Float64Array[], row: number, column: number, value: number): void {
  const cells = table[row];
  if (cells) cells[column] = (cells[column] ?? 0) + value;
}

/** Games and score per pair of models, by index: wins[i][j] is i's score against j. */
function tally(models: readonly string[], games: readonly Game[]) {
  const index = new Map(models.map((model, at) => [model, at]));
  const size = models.length;
  const wins = Array.from({ length: size }, () => new Float64Array(size));
  const played = Array.from({ length: size }, () => new Float64Array(size));
  for (const game of games) {
    const a = index.get(game.a);
    const b = index.get(game.b);
    if (a === undefined || b === undefined || a === b) continue;
    add(wins, a, b, game.score);
    add(wins, b, a, 1 - game.score);
    add(played, a, b, 1);
    add(played, b, a, 1);
  }
  return { wins, played };
}

/** Ratings (Elo scale, centred on 1000) of `models` from `games`; a model in no game rates 1000. */
export function bradleyTerryRatings(models: readonly string[], games: readonly Game[]): Map<string, number> {
  const size = models.length;
  const { wins, played } = tally(models, games);
  const totalWins = wins.map((row) => row.reduce((sum, value) => sum + value, 0) + PRIOR_GAMES / 2);
  let strength = new Float64Array(size).fill(1);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = new Float64Array(size);
    let change = 0;
    for (let i = 0; i < size; i++) {
      const p = strength[i] as number;
      let denominator = PRIOR_GAMES / (p + 1);
      const row = played[i] as Float64Array;
      for (let j = 0; j < size; j++) {
        const games = row[j] as number;
        if (games > 0) denominator += games / (p + (strength[j] as number));
      }
      next[i] = (totalWins[i] as number) / denominator;
      change = Math.max(change, Math.abs(Math.log((next[i] as number) / p)));
    }
    strength = next;
    if (change < TOLERANCE) break;
  }
  const meanLog = size === 0 ? 0 : strength.reduce((sum, value) => sum + Math.log10(value), 0) / size;
  return new Map(models.map((model, i) => [model, RATING_CENTER + ELO_SCALE * (Math.log10(strength[i] as number) - meanLog)]));
}
