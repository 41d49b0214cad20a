import { isIssuableSsn } from "../checksums";
import { hasKeywordBefore, keywordPattern } from "../text-context";
import type { Finding } from "../types";

const formatted = /(?<![\p{L}\p{N}-])(\d{3})([ -])(\d{2})\2(\d{4})(?![\p{L}\p{N}]|-\d)/gu;
const bare = /(?<![\p{L}\p{N}])(\d{3})(\d{2})(\d{4})(?![\p{L}\p{N}])/gu;
const ssnWords = keywordPattern(["ssn", "ss#", "social security(?: number| no\\.?| #)?", "taxpayer id", "tin"]);

export function detectUsSsns(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(formatted)) {
    const [, area = "", separator, group = "", serial = ""] = match;
    if (!isIssuableSsn(area, group, serial)) continue;
    const hasContext = hasKeywordBefore(text, match.index, ssnWords);
    // "123 45 6789" with spaces is too common a shape for other numbers to count without a keyword.
    if (separator === " " && !hasContext) continue;
    findings.push(finding(match.index, match[0].length, hasContext ? 0.95 : 0.8));
  }
  for (const match of text.matchAll(bare)) {
    const [, area = "", group = "", serial = ""] = match;
    if (!isIssuableSsn(area, group, serial) || !hasKeywordBefore(text, match.index, ssnWords)) continue;
    findings.push(finding(match.index, match[0].length, 0.85));
  }
  return findings;
}

function finding(start: number, length: number, confidence: number): Finding {
  return { type: "us_ssn", start, end: start + length, confidence };
}
