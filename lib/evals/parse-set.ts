import { EVAL_SET_LIMITS, type ParsedEvalItem, type ParseProblem, type ParseResult, type SetFormat } from "./eval-item";
import { parseCsv } from "./parse-csv";
import { parseJsonLines } from "./parse-jsonl";

/** Problems listed back to the admin at most; the file is refused whole anyway. */
const MAX_PROBLEMS = 20;

/** JSON Lines when the file name says so or its first non-blank character is `{`; CSV otherwise. */
export function looksLikeJsonLines(text: string, fileName?: string): boolean {
  if (fileName && /\.(jsonl|ndjson|json)$/i.test(fileName)) return true;
  if (fileName && /\.csv$/i.test(fileName)) return false;
  return text.trimStart().startsWith("{");
}

/**
 * An uploaded evaluation set, all or nothing: every item, or the problems (line and reason) and no items. Refuses a
 * file over 10 MB or with more than 5,000 items, a JSONL file that mixes the two shapes, and an empty one.
 */
export function parseEvalSet(text: string, options: { fileName?: string; byteLength?: number } = {}): ParseResult {
  const bytes = options.byteLength ?? new TextEncoder().encode(text).byteLength;
  if (bytes > EVAL_SET_LIMITS.maxBytes) {
    return { ok: false, format: null, problems: [{ line: null, message: `the file is over ${EVAL_SET_LIMITS.maxBytes / 1024 / 1024} MB` }] };
  }
  const body = text.replace(/^\uFEFF/, "");
  const items: ParsedEvalItem[] = [];
  const problems: ParseProblem[] = [];
  const formats = new Set<SetFormat>();
  const addProblem = (problem: ParseProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const addItem = (item: ParsedEvalItem, format: SetFormat) => {
    if (items.length === EVAL_SET_LIMITS.maxItems) {
      if (!problems.some((problem) => problem.message.startsWith("over "))) {
        addProblem({ line: item.line, message: `over ${EVAL_SET_LIMITS.maxItems.toLocaleString("en-US")} items` });
      }
      return;
    }
    formats.add(format);
    if (formats.size > 1) addProblem({ line: item.line, message: "mixes the OpenAI-evals and BIG-Bench Hard shapes: use one per file" });
    items.push(item);
  };
  const isJson = looksLikeJsonLines(body, options.fileName);
  if (isJson) parseJsonLines(body, addItem, addProblem);
  else parseCsv(body, (item) => addItem(item, "csv"), addProblem);
  const format = isJson ? ([...formats][0] ?? "openai-evals") : "csv";
  if (problems.length === 0 && items.length === 0) problems.push({ line: null, message: "the file has no items" });
  return problems.length > 0 ? { ok: false, format, problems } : { ok: true, format, items };
}
