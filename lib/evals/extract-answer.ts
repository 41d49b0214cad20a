/**
 * The option letter a multiple-choice answer picked, BIG-Bench Hard style: "the answer is (B)" first, else the last
 * "(B)" in the text, else an answer that is just the letter ("B", "B.", "B)"). null when there is none.
 */
export function extractChoiceLetter(answer: string): string | null {
  const stated = [...answer.matchAll(/[Aa]nswer\s*(?:is|:)?\s*:?\s*(?:\(([A-Z])\)|([A-Z])(?![\p{L}\p{N}]))/gu)].at(-1);
  if (stated) return (stated[1] ?? stated[2]) as string;
  const parenthesized = [...answer.matchAll(/\(([A-Z])\)/g)].at(-1)?.[1];
  if (parenthesized) return parenthesized;
  const bare = /^\s*\(?([A-Za-z])[).:]?\s*$/.exec(answer)?.[1];
  return bare ? bare.toUpperCase() : null;
}

const NUMBER = /[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?|[-−]?\.\d+/g;

/**
 * The number an answer ends on (GSM8K style: the last one in the text): "1,234.5" is 1234.5, "−3" is -3, "1e3" is
 * 1000. null when there is none.
 */
export function extractNumber(answer: string): number | null {
  const last = [...answer.matchAll(NUMBER)].at(-1)?.[0];
  if (last === undefined) return null;
  const value = Number(last.replace(/,/g, "").replace("−", "-"));
  return Number.isFinite(value) ? value : null;
}
