import { randomInt } from "node:crypto";

/** Two different ids drawn uniformly at random, in random order (A first); null with fewer than two. */
export function pickTwo(ids: readonly string[], random: (max: number) => number = randomInt): [string, string] | null {
  const unique = [...new Set(ids)];
  if (unique.length < 2) return null;
  const first = random(unique.length);
  // The second draws from the others: shift past the first index.
  let second = random(unique.length - 1);
  if (second >= first) second += 1;
  const a = unique[first];
  const b = unique[second];
  return a !== undefined && b !== undefined ? [a, b] : null;
}
