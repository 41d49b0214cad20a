import { hasKeywordBefore, keywordPattern } from "../text-context";
import type { Finding } from "../types";

// Digit groups joined by single separators, with an optional "+CC"/"00CC" prefix, a "(0)" trunk and an area code in
// brackets. Each group is taken whole (no backtracking into it) and every quantifier is bounded, so the scan stays
// linear; whether the candidate is a phone number is decided in code below.
const phoneCandidate =
  /(?<![\p{L}\p{N}+_@/.,\-#€$£¥])\+?(?:\(0\) ?)?(?:\(\d{1,5}\)|\d{1,15}(?!\d))(?:(?: ?[/-] ?|[ .]|\) ?| ?\()(?:\(0\) ?)?\d{1,12}(?!\d)\)?){0,7}(?![\p{L}\p{N}_@%€$£¥]|[.,:/-]\d)/gu;
const phoneWords = keywordPattern([
  "tel\\.?",
  "tél\\.?",
  "phone",
  "telephone",
  "mobile",
  "mob\\.?",
  "cell",
  "fax",
  "call",
  "ring",
  "whatsapp",
  "sms",
  "telefon",
  "handy",
  "rufnummer",
  "téléphone",
  "portable",
  "teléfono",
  "móvil",
  "movil",
  "telefono",
  "cellulare",
  "telefoon",
  "mobiel",
  "bel",
  "telefone",
  "celular",
]);
const dateLike = /(?:^|\D)(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d|(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2})(?:\D|$)/;
const ibanShapedBefore = /[A-Za-z]{2}\d{2}(?: [A-Za-z0-9]{4})+ $/;
const ssnShape = /^\d{3}-\d{2}-\d{4}$/;
const yearRange = /^(?:19|20)\d\d ?[-/] ?(?:19|20)?\d\d$/;

export function detectPhones(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(phoneCandidate)) {
    let raw = match[0];
    // A closing bracket that belongs to the sentence, not to an area code.
    if (raw.endsWith(")") && !raw.includes("(")) raw = raw.slice(0, -1);
    // The digits of an IBAN (one with a wrong checksum included) are not a phone number.
    if (ibanShapedBefore.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    const confidence = phoneConfidence(raw, hasKeywordBefore(text, match.index, phoneWords));
    if (confidence === null) continue;
    findings.push({ type: "phone", start: match.index, end: match.index + raw.length, confidence });
  }
  return findings;
}

function phoneConfidence(raw: string, hasContext: boolean): number | null {
  if (dateLike.test(raw) || yearRange.test(raw) || ssnShape.test(raw)) return null;
  const digits = raw.replace(/\D/g, "");
  const groups = raw.split(/[^\d]+/).filter((g) => g !== "");
  const boost = hasContext ? 0.1 : 0;
  if (raw.startsWith("+") || digits.startsWith("00")) {
    const subscriber = raw.startsWith("+") ? digits : digits.slice(2);
    // Country codes never start with 0; E.164 allows at most 15 digits.
    if (subscriber.startsWith("0") || subscriber.length < 8 || subscriber.length > 15) return null;
    return raw.startsWith("+") ? 0.85 + boost : 0.75 + boost;
  }
  // North American: (NXX) NXX-XXXX, NXX-NXX-XXXX, NXX.NXX.XXXX, optionally 1- before.
  if (/^(?:1[ .-])?(?:\([2-9]\d\d\) ?|[2-9]\d\d[ .-])[2-9]\d\d[ .-]\d{4}$/.test(raw)) return 0.8 + boost;
  // National numbers with a trunk 0 (most of Europe, UK, Australia…): 9 to 12 digits.
  if (digits.startsWith("0") && digits.length >= 9 && digits.length <= 12) {
    const isGrouped = groups.length >= 2 && groups.length <= 6 && groups.slice(1).every((g) => g.length >= 2);
    if (isGrouped) return 0.75 + boost;
    if (groups.length === 1 && (digits.length === 10 || digits.length === 11)) return hasContext ? 0.8 : 0.55;
    return null;
  }
  // Without trunk prefix or country code (Spain, Italy mobiles, Nordics): only where the text says so.
  if (hasContext && digits.length >= 8 && digits.length <= 12 && groups.every((g) => g.length >= 2)) return 0.7;
  return null;
}
