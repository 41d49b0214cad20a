export const MAX_TITLE_LENGTH = 60;

const QUOTES = /["'`“”‘’„«»]/g;

/** A model's answer as a title: its first line, no quotes, no "Title:" label, at most 60 characters. */
export function sanitizeTitle(raw: string): string {
  const firstLine = raw.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  const cleaned = firstLine
    .replace(/^\s*(#+\s*)?(title\s*:\s*)?/i, "")
    .replace(QUOTES, "")
    .replace(/[*_]{1,3}/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.:;,\s]+$/, "");
  return shorten(cleaned);
}

/** When no model title can be had: the start of the user's first message. */
export function fallbackTitle(firstUserText: string): string {
  return firstUserText.replace(/\s+/g, " ").trim().slice(0, MAX_TITLE_LENGTH).trim() || "New chat";
}

/** At most 60 characters, cut at a word boundary when one is near. */
function shorten(text: string): string {
  if (text.length <= MAX_TITLE_LENGTH) return text;
  const cut = text.slice(0, MAX_TITLE_LENGTH);
  if (/\s/.test(text.charAt(MAX_TITLE_LENGTH))) return cut.trimEnd();
  const lastSpace = cut.lastIndexOf(" ");
  return (lastSpace >= MAX_TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).replace(/[.:;,\s]+$/, "");
}
