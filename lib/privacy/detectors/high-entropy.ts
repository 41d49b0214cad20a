import { shannonEntropy } from "../checksums";
import { hasKeywordBefore, keywordPattern } from "../text-context";
import type { Finding } from "../types";

// Long random-looking tokens: API keys and passwords of formats nobody listed. Tuned on the fixture corpus
// (npm run bench:privacy): random base62/base64 tokens of 20+ characters score ≥ 3.9 bits per character, but so do
// CamelCase identifiers; what sets those apart is that most of their characters sit in runs of lowercase letters
// (words), where random tokens have few such runs and digits scattered through them.
export const MIN_TOKEN_LENGTH = 20;
export const MIN_ENTROPY_BITS = 3.7;
/** Most a token's characters may sit in lowercase runs of 3+ letters (words); random base62 is ~0.15. */
export const MAX_WORD_SHARE = 0.4;

const tokenCandidate = /(?<![A-Za-z0-9+/_\-=.])[A-Za-z0-9+/_-]{20,512}={0,2}(?![A-Za-z0-9+/_\-=])/g;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hexOnly = /^[0-9a-fA-F]+$/;
const secretWords = keywordPattern([
  "key",
  "secret",
  "token",
  "password",
  "passwd",
  "pwd",
  "credential",
  "credentials",
  "auth",
  "bearer",
  "apikey",
  "api key",
  "api_key",
  "signature",
  "sig",
  "passwort",
  "clé",
  "clave",
  "chiave",
  "sleutel",
  "schlüssel",
]);

export function detectHighEntropyTokens(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(tokenCandidate)) {
    const token = match[0];
    const confidence = tokenConfidence(token, () => hasKeywordBefore(text, match.index, secretWords));
    if (confidence === null) continue;
    findings.push({ type: "secret", start: match.index, end: match.index + token.length, confidence, detail: "high-entropy" });
  }
  return findings;
}

function tokenConfidence(token: string, hasContext: () => boolean): number | null {
  const body = token.replace(/=+$/, "");
  if (body.length < MIN_TOKEN_LENGTH || uuid.test(body) || !/\d/.test(body) || !/[A-Za-z]/.test(body)) return null;
  // Paths and slugs: "docs/2024/q3-report-final".
  if (/[/_-]/.test(body) && body.split(/[/_-]/).every((part) => part.length < 12)) return null;
  if (shannonEntropy(body) < MIN_ENTROPY_BITS) return null;
  const words = wordShare(body);
  const digitRuns = body.match(/\d+/g)?.length ?? 0;
  // "Report2024", "ThisIsAVeryLongIdentifier2": words, and the digits in one block.
  if (words > MAX_WORD_SHARE || (digitRuns < 2 && words > MAX_WORD_SHARE / 2)) return null;
  // Hex is how hashes and commit ids are written: a secret only where the text says so.
  if (hexOnly.test(body)) return hasContext() ? 0.8 : null;
  return hasContext() ? 0.9 : 0.75;
}

function wordShare(token: string): number {
  let inWords = 0;
  for (const run of token.match(/[a-z]{3,}/g) ?? []) inWords += run.length;
  return inWords / token.length;
}
