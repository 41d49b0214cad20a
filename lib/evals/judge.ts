import type { EvalTurn } from "./eval-item";
import { promptText } from "./eval-item";

/** The rubric a judge model gets unless the run names its own; {{input}}, {{ideal}} and {{answer}} are filled in. */
export const DEFAULT_RUBRIC = `You are grading an answer to a question against the expected answer.

Question:
{{input}}

Expected answer:
{{ideal}}

Answer to grade:
{{answer}}

Is the answer correct (it says the same as the expected answer; wording may differ)? Reply with exactly two lines:
VERDICT: CORRECT or VERDICT: INCORRECT
REASON: one sentence`;

/** The judge's prompt: the rubric with the item and the answer filled in (each placeholder once, in one pass). */
export function judgePrompt(rubric: string, item: { input: readonly EvalTurn[]; ideal: readonly string[] }, answer: string): string {
  const values: Record<string, string> = { input: promptText(item.input), ideal: item.ideal.join("\n  or: "), answer };
  return rubric.replace(/\{\{\s*(input|ideal|answer)\s*\}\}/g, (_, name: string) => values[name] ?? "");
}

export type JudgeVerdict = { correct: boolean; reason: string } | { unreadable: string };

/**
 * Reads the judge's answer: a "VERDICT: CORRECT/INCORRECT" line (also PASS/FAIL, YES/NO), else an answer that starts
 * with one of those words; the reason is the "REASON:" line, else the rest of the text.
 */
export function parseJudgeVerdict(text: string): JudgeVerdict {
  const verdictLine = /verdict\s*[:=-]?\s*\**\s*(correct|incorrect|pass|fail|yes|no|right|wrong)\b/i.exec(text);
  const leading = /^\W*(correct|incorrect|pass|fail|yes|no|right|wrong)\b/i.exec(text);
  const word = (verdictLine ?? leading)?.[1]?.toLowerCase();
  if (!word) return { unreadable: "the judge's answer has no verdict" };
  const correct = word === "correct" || word === "pass" || word === "yes" || word === "right";
  const reasonLine = /reason\s*[:=-]\s*(.+)/i.exec(text)?.[1];
  const rest = text.replace(verdictLine?.[0] ?? leading?.[0] ?? "", "").trim();
  return {
    correct,
    reason: (reasonLine ?? rest)
      .replace(/^[\s.:;,!*-]+/, "")
      .trim()
      .slice(0, 500),
  };
}
