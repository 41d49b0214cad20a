/**
 * The JSON value in a model's answer: the whole answer, else the first ``` fenced block that parses, else the first
 * balanced {…} or […] that parses. undefined when there is none.
 */
export function extractJson(answer: string): unknown {
  const whole = tryParse(answer.trim());
  if (whole !== undefined) return whole;
  for (const match of answer.matchAll(/```[a-zA-Z0-9_-]*[ \t]*\r?\n?([\s\S]*?)```/g)) {
    const fenced = tryParse((match[1] ?? "").trim());
    if (fenced !== undefined) return fenced;
  }
  for (let start = 0; start < answer.length; start++) {
    const char = answer[start];
    if (char !== "{" && char !== "[") continue;
    const end = balancedEnd(answer, start);
    if (end < 0) continue;
    const parsed = tryParse(answer.slice(start, end + 1));
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}

function tryParse(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Index of the bracket closing the one at `start`, skipping brackets inside JSON strings; -1 when unbalanced. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Deep equality of parsed JSON: object key order does not matter, array order does, 1 and 1.0 are equal. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, index) => jsonEqual(value, b[index]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  return (
    aKeys.length === Object.keys(bRecord).length &&
    aKeys.every((key) => Object.hasOwn(bRecord, key) && jsonEqual((a as Record<string, unknown>)[key], bRecord[key]))
  );
}
