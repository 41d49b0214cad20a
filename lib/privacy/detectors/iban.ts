import { getCountrySpecifications, isValidIBAN } from "ibantools";
import type { Finding } from "../types";

const ibanLengthByCountry = new Map<string, number>();
for (const [country, spec] of Object.entries(getCountrySpecifications())) {
  if (spec.chars) ibanLengthByCountry.set(country, spec.chars);
}

// A country code and two check digits start every IBAN; the rest is read character by character below, because
// printed IBANs are grouped by spaces and the country decides the length.
const ibanStart = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}/gu;
const alphanumeric = /[A-Za-z0-9]/;

export function detectIbans(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(ibanStart)) {
    const country = match[0].slice(0, 2).toUpperCase();
    const length = ibanLengthByCountry.get(country);
    if (!length) continue;
    const end = readGrouped(text, match.index, length);
    if (end === null) continue;
    const compact = text.slice(match.index, end).replace(/[ -]/g, "").toUpperCase();
    if (!isValidIBAN(compact)) continue;
    findings.push({ type: "iban", start: match.index, end, confidence: 0.99, detail: country });
  }
  return findings;
}

/** Reads `count` letters and digits from `start`, allowing one space or hyphen between them; the end offset, or
 *  null when the run is shorter or continues straight on (then it is part of a longer token, not an IBAN). */
function readGrouped(text: string, start: number, count: number): number | null {
  let seen = 0;
  let i = start;
  while (i < text.length && seen < count) {
    const char = text[i] as string;
    if (alphanumeric.test(char)) {
      seen++;
      i++;
    } else if ((char === " " || char === "-") && seen > 0 && alphanumeric.test(text[i + 1] ?? "")) {
      i++;
    } else {
      break;
    }
  }
  if (seen < count) return null;
  return /[\p{L}\p{N}]/u.test(text[i] ?? "") ? null : i;
}
