import type { GraderKind, ParsedEvalItem, ParseProblem } from "./eval-item";
import { extractChoiceLetter, extractNumber } from "./extract-answer";
import { extractJson } from "./extract-json";
import { compileAnswerPattern } from "./graders";

/**
 * Expected answers the grader could never match, found at upload rather than as wrong answers later: a regex RE2
 * refuses, JSON that does not parse, no number, no option letter. One problem per bad item, with its line.
 */
export function checkIdeals(items: readonly ParsedEvalItem[], defaultGrader: GraderKind): ParseProblem[] {
  const problems: ParseProblem[] = [];
  for (const item of items) {
    const kind = item.grader ?? defaultGrader;
    for (const ideal of item.ideal) {
      const problem = idealProblem(kind, ideal);
      if (problem) {
        problems.push({ line: item.line, message: problem });
        break;
      }
    }
  }
  return problems;
}

function idealProblem(kind: GraderKind, ideal: string): string | null {
  switch (kind) {
    case "regex": {
      const compiled = compileAnswerPattern(ideal);
      return typeof compiled === "string" ? `expected answer: ${compiled}` : null;
    }
    case "json":
      return extractJson(ideal) === undefined ? "expected answer is not JSON" : null;
    case "number":
      return extractNumber(ideal) === null ? "expected answer has no number" : null;
    case "choice":
      return extractChoiceLetter(ideal) === null ? "expected answer has no option letter such as (B)" : null;
    default:
      return null;
  }
}
