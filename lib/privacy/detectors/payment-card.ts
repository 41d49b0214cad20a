import { passesLuhn } from "../checksums";
import type { Finding } from "../types";

// 13 to 19 digits, optionally grouped by single spaces or hyphens; not part of a longer number or a decimal.
const cardCandidate = /(?<![\p{L}\p{N}.,-])\d(?:[ -]?\d){12,18}(?![\p{L}\p{N}]|[.,-]\d)/gu;

type Network = { name: string; prefix: RegExp; lengths: readonly number[] };

// Issuer identification ranges of the networks a company's staff are likely to paste.
const networks: readonly Network[] = [
  { name: "visa", prefix: /^4/, lengths: [13, 16, 19] },
  { name: "mastercard", prefix: /^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, lengths: [16] },
  { name: "amex", prefix: /^3[47]/, lengths: [15] },
  { name: "discover", prefix: /^(?:6011|65|64[4-9])/, lengths: [16, 19] },
  { name: "jcb", prefix: /^35(?:2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] },
  { name: "diners", prefix: /^3(?:0[0-5]|[689])/, lengths: [14, 16, 19] },
  { name: "unionpay", prefix: /^62/, lengths: [16, 17, 18, 19] },
  { name: "maestro", prefix: /^(?:5[06-8]|6\d)/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
];

export function detectPaymentCards(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(cardCandidate)) {
    const raw = match[0];
    const digits = raw.replace(/\D/g, "");
    const network = networks.find((n) => n.prefix.test(digits) && n.lengths.includes(digits.length));
    if (!network || !passesLuhn(digits) || /^(\d)\1+$/.test(digits)) continue;
    findings.push({
      type: "payment_card",
      start: match.index,
      end: match.index + raw.length,
      confidence: hasCardGrouping(raw) ? 0.97 : 0.9,
      detail: network.name,
    });
  }
  return findings;
}

/** The way cards are printed: 4-4-4-4(-3), or Amex/Diners 4-6-5 / 4-6-4. */
function hasCardGrouping(raw: string): boolean {
  const groups = raw
    .split(/[ -]/)
    .map((g) => g.length)
    .join("-");
  return /^4-4-4-4(?:-[1-3])?$|^4-6-[45]$/.test(groups);
}
