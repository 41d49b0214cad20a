import { readCsvRecords } from "./csv-records";
import type { ParsedEvalItem, ParseProblem } from "./eval-item";
import { readTags } from "./tags";

/** CSV with the columns prompt, expected and optionally tags (`;`-separated); a header row naming them is skipped. */
export function parseCsv(text: string, onItem: (item: ParsedEvalItem) => void, onProblem: (problem: ParseProblem) => void): void {
  const records = readCsvRecords(text);
  if (!Array.isArray(records)) {
    onProblem(records);
    return;
  }
  const [first] = records;
  const hasHeader = first !== undefined && first.cells[0]?.trim().toLowerCase() === "prompt" && first.cells[1]?.trim().toLowerCase() === "expected";
  for (const { line, cells } of hasHeader ? records.slice(1) : records) {
    if (cells.length < 2 || cells.length > 3) {
      onProblem({ line, message: `expected 2 or 3 columns (prompt, expected, tags), found ${cells.length}` });
      continue;
    }
    const [prompt = "", expected = "", tagCell] = cells;
    if (prompt.trim() === "") {
      onProblem({ line, message: "empty prompt" });
      continue;
    }
    if (expected.trim() === "") {
      onProblem({ line, message: 'empty "expected"' });
      continue;
    }
    const tags = readTags(tagCell);
    if (typeof tags === "string") {
      onProblem({ line, message: tags });
      continue;
    }
    onItem({ line, input: [{ role: "user", content: prompt }], ideal: [expected], tags });
  }
}
