// Text from outside (request bodies, backend answers) may carry characters a database cannot store: PostgreSQL
// refuses NUL in text and JSON, and a lone UTF-16 surrogate (valid in a JavaScript string and in a JSON "\ud800"
// escape, but not in UTF-8) fails on both databases. Such text is normalised before it goes anywhere: NUL removed,
// lone surrogates replaced by U+FFFD, so what is stored is exactly what is shown.

const NUL = /\u0000/g;

/** The text without NUL and with each lone surrogate replaced by U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(NUL, "").toWellFormed();
}

/** A parsed JSON value with every string (keys too) cleaned. */
export function cleanJson(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value !== null && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) result[cleanText(key)] = cleanJson(entry);
    return result;
  }
  return value;
}
