import { type Finding, type FindingType, placeholderLabelByType } from "./types";

// Redaction: each finding becomes a typed placeholder, [EMAIL_1], [IBAN_2]. One table per conversation, filled in
// the order the conversation is sent (system prompt, then the turns oldest first), so the same value gets the same
// placeholder in every turn and the model can still tell "the same customer" from "another customer". The table
// stays in the app: it is what maps the answer back.

export type PlaceholderTable = {
  originalByPlaceholder: Map<string, string>;
  placeholderByKey: Map<string, string>;
  lastNumberByLabel: Map<string, number>;
  /** Placeholder-shaped text the user wrote: never handed out, so restoring cannot rewrite it. */
  reserved: Set<string>;
};

export function createPlaceholderTable(): PlaceholderTable {
  return { originalByPlaceholder: new Map(), placeholderByKey: new Map(), lastNumberByLabel: new Map(), reserved: new Set() };
}

/** Loose enough for how models echo placeholders back: [EMAIL_1], [email_1], [EMAIL 1], [ EMAIL_1 ]. */
export const placeholderPattern = /\[\s?([A-Za-z][A-Za-z0-9_]{0,23}?)[ _-]?(\d{1,5})\s?\]/g;
/** The longest text a placeholder can span (for holding back a possibly split one while streaming). */
export const MAX_PLACEHOLDER_LENGTH = 34;

export function canonicalPlaceholder(label: string, number: string | number): string {
  return `[${label.toUpperCase()}_${Number(number)}]`;
}

/** Call with every text of the conversation before redacting any of it. */
export function reservePlaceholdersIn(table: PlaceholderTable, text: string): void {
  for (const match of text.matchAll(placeholderPattern)) table.reserved.add(canonicalPlaceholder(match[1] ?? "", match[2] ?? 0));
}

export function placeholderLabel(finding: Finding): string {
  return finding.type === "custom" && finding.detail ? finding.detail : placeholderLabelByType[finding.type];
}

/** `text` with each finding (non-overlapping, as detectFindings returns them) replaced by its placeholder. */
export function redactText(text: string, findings: readonly Finding[], table: PlaceholderTable): string {
  let result = "";
  let cursor = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < cursor) continue;
    const original = text.slice(finding.start, finding.end);
    result += text.slice(cursor, finding.start) + placeholderFor(table, finding, original);
    cursor = finding.end;
  }
  return result + text.slice(cursor);
}

function placeholderFor(table: PlaceholderTable, finding: Finding, original: string): string {
  const label = placeholderLabel(finding);
  const key = `${label}\u0000${normalizedValue(finding.type, original)}`;
  const known = table.placeholderByKey.get(key);
  if (known) return known;
  let number = table.lastNumberByLabel.get(label) ?? 0;
  let placeholder: string;
  do {
    number++;
    placeholder = canonicalPlaceholder(label, number);
  } while (table.reserved.has(placeholder));
  table.lastNumberByLabel.set(label, number);
  table.placeholderByKey.set(key, placeholder);
  table.originalByPlaceholder.set(placeholder, original);
  return placeholder;
}

/** The same value written differently ("DE89 3704…" and "DE893704…", "Bob@X.com" and "bob@x.com") is one value. */
function normalizedValue(type: FindingType, original: string): string {
  switch (type) {
    case "email":
    case "ip_address":
    case "custom":
      return original.toLowerCase();
    case "secret":
      return original;
    default:
      return original.replace(/[^\p{L}\p{N}+]/gu, "").toUpperCase();
  }
}
