// Words near a candidate that make it more (or less) likely to be what it looks like.

const WINDOW = 60;

/** Whether any of `words` appears (whole word, any case) in the `WINDOW` characters before `start`. */
export function hasKeywordBefore(text: string, start: number, words: RegExp): boolean {
  return words.test(text.slice(Math.max(0, start - WINDOW), start));
}

/** Builds a case-insensitive, Unicode-aware whole-word alternation for `hasKeywordBefore`. */
export function keywordPattern(words: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join("|")})(?![\\p{L}\\p{N}])`, "iu");
}
