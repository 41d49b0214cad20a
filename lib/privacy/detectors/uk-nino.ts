import { isValidNinoPrefix } from "../checksums";
import { hasKeywordBefore, keywordPattern } from "../text-context";
import type { Finding } from "../types";

// "QQ 12 34 56 C" or "QQ123456C"; the suffix letter may be left off only where a keyword says what it is.
const ninoPattern = /(?<![\p{L}\p{N}])([A-Za-z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-Da-d])?(?![\p{L}\p{N}])/gu;
const ninoWords = keywordPattern(["ni", "nino", "ni number", "ni no\\.?", "national insurance(?: number| no\\.?)?"]);

export function detectUkNinos(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(ninoPattern)) {
    const [whole, letters = "", , , , suffix] = match;
    const prefix = letters.toUpperCase();
    if (!isValidNinoPrefix(prefix)) continue;
    const hasContext = hasKeywordBefore(text, match.index, ninoWords);
    const isUpperCase = letters === prefix && (suffix === undefined || suffix === suffix.toUpperCase());
    if (!hasContext && (suffix === undefined || !isUpperCase)) continue;
    findings.push({ type: "uk_nino", start: match.index, end: match.index + whole.length, confidence: hasContext ? 0.95 : 0.85 });
  }
  return findings;
}
