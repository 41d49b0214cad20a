// What an evaluation set is made of, shared by the parsers, the server and the admin pages (browser-safe).

export const GRADER_KINDS = ["exact", "contains", "regex", "choice", "json", "number", "model"] as const;
export type GraderKind = (typeof GRADER_KINDS)[number];

export const SET_FORMATS = ["openai-evals", "bbh", "csv"] as const;
export type SetFormat = (typeof SET_FORMATS)[number];

export interface EvalTurn {
  role: "system" | "user" | "assistant";
  content: string;
}

/** One item as uploaded: the prompt as chat turns, the accepted answers, tags, and an optional grader of its own. */
export interface ParsedEvalItem {
  /** The line the item starts on in the uploaded file (1-based). */
  line: number;
  input: EvalTurn[];
  ideal: string[];
  tags: string[];
  grader?: GraderKind;
}

export const EVAL_SET_LIMITS = { maxItems: 5_000, maxBytes: 10 * 1024 * 1024, maxTags: 20, maxTagLength: 50 } as const;

export interface ParseProblem {
  /** null when the problem is the file as a whole (its size). */
  line: number | null;
  message: string;
}

export type ParseResult = { ok: true; format: SetFormat; items: ParsedEvalItem[] } | { ok: false; format: SetFormat | null; problems: ParseProblem[] };

/** The text of the prompt's last user turn: what tables show for an item. */
export function promptText(input: readonly EvalTurn[]): string {
  return [...input].reverse().find((turn) => turn.role === "user")?.content ?? input[input.length - 1]?.content ?? "";
}
