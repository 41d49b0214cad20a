import { isValidCodiceFiscale, isValidSpanishId, passesBsnElevenTest } from "../checksums";
import { hasKeywordBefore, keywordPattern } from "../text-context";
import type { Finding } from "../types";

// EU national identity numbers that carry a check digit: Spanish DNI/NIE, Italian codice fiscale, Dutch BSN.
const spanishId = /(?<![\p{L}\p{N}])([XYZxyz][ -]?)?(\d{1,2}\.?\d{3}\.?\d{3}|\d{7,8})-?([A-Za-z])(?![\p{L}\p{N}])/gu;
const codiceFiscale =
  /(?<![\p{L}\p{N}])[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z](?![\p{L}\p{N}])/gu;
const nineDigits = /(?<![\p{L}\p{N}.-])(\d{4})\.?(\d{2})\.?(\d{3})(?![\p{L}\p{N}]|[.,-]\d)|(?<![\p{L}\p{N}.-])(\d{9})(?![\p{L}\p{N}]|[.,-]\d)/gu;
// Nine digits pass the 11-test one time in eleven: only where the text says it is a BSN.
const bsnWords = keywordPattern(["bsn", "burgerservicenummer", "sofinummer", "sofi-nummer", "citizen service number"]);

export function detectNationalIds(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(spanishId)) {
    const compact = match[0].replace(/[ .-]/g, "").toUpperCase();
    if (!isValidSpanishId(compact)) continue;
    findings.push(finding(match.index, match[0].length, 0.9, match[1] ? "es-nie" : "es-dni"));
  }
  for (const match of text.matchAll(codiceFiscale)) {
    if (!isValidCodiceFiscale(match[0].toUpperCase())) continue;
    findings.push(finding(match.index, match[0].length, 0.97, "it-codice-fiscale"));
  }
  for (const match of text.matchAll(nineDigits)) {
    const digits = match[0].replace(/\./g, "");
    if (!passesBsnElevenTest(digits) || !hasKeywordBefore(text, match.index, bsnWords)) continue;
    findings.push(finding(match.index, match[0].length, 0.9, "nl-bsn"));
  }
  return findings;
}

function finding(start: number, length: number, confidence: number, detail: string): Finding {
  return { type: "national_id", start, end: start + length, confidence, detail };
}
