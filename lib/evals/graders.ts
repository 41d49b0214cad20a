import { RE2JS } from "re2js";
import type { GraderKind } from "./eval-item";
import { extractChoiceLetter, extractNumber } from "./extract-answer";
import { extractJson, jsonEqual } from "./extract-json";
import { normalizeAnswer } from "./normalize";

export interface GraderOptions {
  /** number: the largest accepted absolute difference (default 1e-6). */
  tolerance?: number;
}

export interface Verdict {
  correct: boolean;
  /** Why, in a few words: what was compared or extracted. */
  reason: string;
}

export type RuleGraderKind = Exclude<GraderKind, "model">;

const DEFAULT_TOLERANCE = 1e-6;
/** Regexes come from an admin's file and run on the server: RE2 matches in linear time, and the size is capped. */
const MAX_PATTERN_LENGTH = 1_000;

/** Grades an answer against the accepted answers (any one is enough) with a rule; pure and synchronous. */
export function gradeWithRule(kind: RuleGraderKind, answer: string, ideals: readonly string[], options: GraderOptions = {}): Verdict {
  switch (kind) {
    case "exact": {
      const got = normalizeAnswer(answer);
      const hit = ideals.find((ideal) => normalizeAnswer(ideal) === got && got !== "");
      return hit !== undefined ? { correct: true, reason: `matches "${hit}"` } : { correct: false, reason: "no expected answer matches" };
    }
    case "contains": {
      const got = normalizeAnswer(answer);
      const hit = ideals.find((ideal) => normalizeAnswer(ideal) !== "" && ` ${got} `.includes(` ${normalizeAnswer(ideal)} `));
      return hit !== undefined ? { correct: true, reason: `contains "${hit}"` } : { correct: false, reason: "contains no expected answer" };
    }
    case "regex":
      return gradeRegex(answer, ideals);
    case "choice": {
      const picked = extractChoiceLetter(answer);
      if (!picked) return { correct: false, reason: "no option letter found" };
      const expected = ideals.map((ideal) => extractChoiceLetter(ideal)).filter((letter) => letter !== null);
      return expected.includes(picked)
        ? { correct: true, reason: `picked (${picked})` }
        : { correct: false, reason: `picked (${picked}), expected (${expected.join(") or (")})` };
    }
    case "json": {
      const got = extractJson(answer);
      if (got === undefined) return { correct: false, reason: "no JSON in the answer" };
      const hit = ideals.some((ideal) => {
        const expected = extractJson(ideal);
        return expected !== undefined && jsonEqual(got, expected);
      });
      return hit ? { correct: true, reason: "equal JSON" } : { correct: false, reason: "JSON differs" };
    }
    case "number": {
      const got = extractNumber(answer);
      if (got === null) return { correct: false, reason: "no number in the answer" };
      const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
      const hit = ideals.some((ideal) => {
        const expected = extractNumber(ideal);
        return expected !== null && Math.abs(got - expected) <= tolerance;
      });
      return hit ? { correct: true, reason: `${got} within ±${tolerance}` } : { correct: false, reason: `${got} is not the expected number` };
    }
  }
}

function gradeRegex(answer: string, patterns: readonly string[]): Verdict {
  for (const pattern of patterns) {
    const regex = compileAnswerPattern(pattern);
    if (typeof regex === "string") return { correct: false, reason: regex };
    if (regex.matcher(answer).find()) return { correct: true, reason: `matches /${pattern}/` };
  }
  return { correct: false, reason: "matches no expected pattern" };
}

/** The expected answer as a case-insensitive RE2 pattern, or why it cannot be one (checked at upload too). */
export function compileAnswerPattern(pattern: string): RE2JS | string {
  if (pattern.length > MAX_PATTERN_LENGTH) return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    return `not a usable pattern: ${(error as Error).message}`;
  }
}
