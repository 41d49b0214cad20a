import { checkIdeals } from "./check-ideals";
import type { GraderKind, ParsedEvalItem, ParseProblem, SetFormat } from "./eval-item";
import { parseEvalSet } from "./parse-set";

const PREVIEW_ITEMS = 10;

export interface SetPreview {
  ok: boolean;
  format: SetFormat | null;
  itemCount: number;
  tags: string[];
  /** The first items, as they would be saved. */
  sample: ParsedEvalItem[];
  problems: ParseProblem[];
}

/** Parses an upload and checks its expected answers against the chosen grader: all the items, or the problems. */
export function readUpload(text: string, grader: GraderKind, fileName?: string): { preview: SetPreview; items: ParsedEvalItem[] } {
  const parsed = parseEvalSet(text, { fileName });
  if (!parsed.ok) return { preview: { ok: false, format: parsed.format, itemCount: 0, tags: [], sample: [], problems: parsed.problems }, items: [] };
  const problems = checkIdeals(parsed.items, grader).slice(0, 20);
  const tags = [...new Set(parsed.items.flatMap((item) => item.tags))].sort();
  return {
    preview: { ok: problems.length === 0, format: parsed.format, itemCount: parsed.items.length, tags, sample: parsed.items.slice(0, PREVIEW_ITEMS), problems },
    items: problems.length === 0 ? parsed.items : [],
  };
}
