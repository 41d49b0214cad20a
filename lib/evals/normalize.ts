/** For exact and contains matching: Unicode-normalised, lower case, punctuation dropped, whitespace collapsed. */
export function normalizeAnswer(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\p{P}+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
