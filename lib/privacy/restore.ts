import { canonicalPlaceholder, MAX_PLACEHOLDER_LENGTH, type PlaceholderTable, placeholderPattern } from "./placeholders";

/** The answer with every placeholder this table handed out replaced by its original; anything else stays. */
export function restorePlaceholders(text: string, table: PlaceholderTable): string {
  if (table.originalByPlaceholder.size === 0) return text;
  return text.replace(placeholderPattern, (whole, label: string, number: string) => {
    return table.originalByPlaceholder.get(canonicalPlaceholder(label, number)) ?? whole;
  });
}

// What the beginning of a placeholder can look like ("[", "[EMA", "[EMAIL_1"); "[the docs" cannot be one.
const placeholderStart = /^\[\s?(?:[A-Za-z][A-Za-z0-9_]{0,23}(?:[ -]?\d{0,5})?)?$/;

export type StreamingRestorer = {
  /** Restored text that is safe to show now; a possible placeholder start at the end is held back. */
  push(chunk: string): string;
  /** Whatever is still held back, restored (at the end of the answer, or when it is stopped). */
  flush(): string;
};

/** Restores placeholders in a streamed answer, also when one arrives split across chunks ("[EMA" + "IL_1]"). */
export function createStreamingRestorer(table: PlaceholderTable): StreamingRestorer {
  let held = "";
  return {
    push(chunk) {
      held += chunk;
      const open = held.lastIndexOf("[");
      const mayBeSplit = open !== -1 && held.length - open < MAX_PLACEHOLDER_LENGTH && placeholderStart.test(held.slice(open));
      const ready = mayBeSplit ? held.slice(0, open) : held;
      held = mayBeSplit ? held.slice(open) : "";
      return restorePlaceholders(ready, table);
    },
    flush() {
      const rest = held;
      held = "";
      return restorePlaceholders(rest, table);
    },
  };
}
