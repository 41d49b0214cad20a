import { RE2JS } from "re2js";
import type { Finding } from "../types";

// Admin-defined terms (customer names, project code names) and patterns (e.g. CUST-\d{6}). Patterns come from an
// admin but run on every message in every browser and on the server, so they go through RE2 (re2js): matching is
// linear in the text whatever the pattern (no backtracking, so no ReDoS), and what RE2 cannot do in linear time
// (backreferences, lookaheads) does not compile. Sizes are capped so the work per message stays small.
export const customRuleLimits = {
  maxRules: 200,
  maxPatterns: 50,
  maxTermLength: 100,
  maxPatternLength: 200,
  minTermLength: 2,
} as const;

export type CustomRule = { kind: "term" | "pattern"; value: string; label?: string };
export type CustomRuleError = { index: number; message: string };

type CompiledMatcher = { regex: RE2JS; label: string; isTerm: boolean };
/** Carries its own detect, so the code that runs detectors need not import RE2 (kept out of the browser bundle
 *  unless rules are compiled there). */
export type CompiledCustomRules = { detect(text: string): Finding[] };

const DEFAULT_LABEL = "TERM";
const labelShape = /^[A-Z][A-Z0-9_]{0,23}$/;
const wordChar = /[\p{L}\p{N}_]/u;

export function normalizeRuleLabel(label: string | undefined): string {
  const upper = (label ?? "")
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, "_");
  return labelShape.test(upper) ? upper : DEFAULT_LABEL;
}

/** Compiles what passes the checks; every rule that does not is reported with the reason (for the admin form). */
export function compileCustomRules(rules: readonly CustomRule[]): { compiled: CompiledCustomRules; errors: CustomRuleError[] } {
  const errors: CustomRuleError[] = [];
  if (rules.length > customRuleLimits.maxRules) {
    errors.push({ index: customRuleLimits.maxRules, message: `At most ${customRuleLimits.maxRules} rules.` });
  }
  const termsByLabel = new Map<string, string[]>();
  const matchers: CompiledMatcher[] = [];
  let patternCount = 0;
  rules.slice(0, customRuleLimits.maxRules).forEach((rule, index) => {
    const label = normalizeRuleLabel(rule.label);
    const value = rule.value.trim();
    if (rule.kind === "term") {
      if (value.length < customRuleLimits.minTermLength || value.length > customRuleLimits.maxTermLength) {
        errors.push({ index, message: `A term has ${customRuleLimits.minTermLength} to ${customRuleLimits.maxTermLength} characters.` });
        return;
      }
      termsByLabel.set(label, [...(termsByLabel.get(label) ?? []), RE2JS.quote(value)]);
      return;
    }
    const problem = patternProblem(value, ++patternCount);
    if (problem) {
      errors.push({ index, message: problem });
      return;
    }
    matchers.push({ regex: RE2JS.compile(value), label, isTerm: false });
  });
  for (const [label, quoted] of termsByLabel) {
    // One automaton per label: all its terms in one linear pass; the longest term wins where terms overlap.
    matchers.push({ regex: RE2JS.compile(quoted.join("|"), RE2JS.CASE_INSENSITIVE | RE2JS.LONGEST_MATCH), label, isTerm: true });
  }
  return { compiled: { detect: (text) => detectCustom(text, matchers) }, errors };
}

function patternProblem(pattern: string, ordinal: number): string | null {
  if (ordinal > customRuleLimits.maxPatterns) return `At most ${customRuleLimits.maxPatterns} patterns.`;
  if (pattern.length === 0 || pattern.length > customRuleLimits.maxPatternLength) {
    return `A pattern has 1 to ${customRuleLimits.maxPatternLength} characters.`;
  }
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(pattern);
  } catch (error) {
    return `Not a supported pattern (RE2 syntax: no backreferences or lookarounds): ${error instanceof Error ? error.message : String(error)}`;
  }
  if (regex.matches("")) return "The pattern matches empty text.";
  return null;
}

function detectCustom(text: string, matchers: readonly CompiledMatcher[]): Finding[] {
  const findings: Finding[] = [];
  for (const { regex, label, isTerm } of matchers) {
    for (const match of regex.matchAll(text)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (end === start) continue;
      // Terms are whole words: "Falcon" is not found inside "Falconry".
      if (isTerm && (isWordEdge(text, start - 1, match[0], 0) || isWordEdge(text, end, match[0], match[0].length - 1))) continue;
      findings.push({ type: "custom", start, end, confidence: 0.9, detail: label });
    }
  }
  return findings;
}

/** Whether the text continues a word across the match's edge (only where the term itself starts/ends with a word character). */
function isWordEdge(text: string, outside: number, term: string, inside: number): boolean {
  return wordChar.test(term[inside] ?? "") && wordChar.test(text[outside] ?? "");
}
