import { type EvalTurn, GRADER_KINDS, type GraderKind, type ParsedEvalItem, type ParseProblem, type SetFormat } from "./eval-item";
import { readTags } from "./tags";

type LineResult = { item: ParsedEvalItem; format: SetFormat } | { problem: string };

/**
 * JSON Lines in either shape, one item per non-blank line: OpenAI evals `{"input": [chat messages], "ideal": "…" |
 * ["…"]}` or BIG-Bench Hard `{"input": "…", "target": "…"}`; both take optional `tags` and `grader`.
 */
export function parseJsonLines(text: string, onItem: (item: ParsedEvalItem, format: SetFormat) => void, onProblem: (problem: ParseProblem) => void): void {
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const result = parseLine(raw, line);
    if ("problem" in result) onProblem({ line, message: result.problem });
    else onItem(result.item, result.format);
  });
}

function parseLine(raw: string, line: number): LineResult {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { problem: `bad JSON (${(error as Error).message})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { problem: "bad JSON: each line must be one object" };
  const record = value as Record<string, unknown>;
  if (!("input" in record)) return { problem: 'missing field "input"' };
  const tags = readTags(record.tags);
  if (typeof tags === "string") return { problem: tags };
  const grader = readGrader(record.grader);
  if (grader === null) return { problem: `"grader" must be one of ${GRADER_KINDS.join(", ")}` };

  if (typeof record.input === "string") {
    if (record.input.trim() === "") return { problem: "empty prompt" };
    if (!("target" in record)) return { problem: 'missing field "target"' };
    const target = readIdeal(record.target, "target");
    if (typeof target === "string") return { problem: target };
    return { format: "bbh", item: { line, input: [{ role: "user", content: record.input }], ideal: target, tags, ...(grader ? { grader } : {}) } };
  }
  if (!Array.isArray(record.input)) return { problem: '"input" must be a string or a list of chat messages' };
  const turns = readTurns(record.input);
  if (typeof turns === "string") return { problem: turns };
  if (!("ideal" in record)) return { problem: 'missing field "ideal"' };
  const ideal = readIdeal(record.ideal, "ideal");
  if (typeof ideal === "string") return { problem: ideal };
  return { format: "openai-evals", item: { line, input: turns, ideal, tags, ...(grader ? { grader } : {}) } };
}

function readTurns(list: unknown[]): EvalTurn[] | string {
  const turns: EvalTurn[] = [];
  for (const [index, message] of list.entries()) {
    const m = message as Record<string, unknown> | null;
    if (typeof m !== "object" || m === null) return `message ${index + 1} of "input" is not an object`;
    if (m.role !== "system" && m.role !== "user" && m.role !== "assistant") return `message ${index + 1} of "input" needs a role of system, user or assistant`;
    if (typeof m.content !== "string") return `message ${index + 1} of "input" needs a text "content"`;
    turns.push({ role: m.role, content: m.content });
  }
  if (!turns.some((turn) => turn.role === "user" && turn.content.trim() !== "")) return "empty prompt";
  return turns;
}

function readIdeal(value: unknown, field: string): string[] | string {
  const list = typeof value === "string" || typeof value === "number" ? [String(value)] : Array.isArray(value) ? value : null;
  if (!list || list.some((entry) => typeof entry !== "string" && typeof entry !== "number")) return `"${field}" must be a string or a list of strings`;
  const ideal = list.map(String).filter((entry) => entry.trim() !== "");
  if (ideal.length === 0) return `empty "${field}"`;
  return ideal;
}

/** undefined when absent, null when not a known grader. */
function readGrader(value: unknown): GraderKind | undefined | null {
  if (value === undefined || value === null) return undefined;
  return GRADER_KINDS.find((kind) => kind === value) ?? null;
}
