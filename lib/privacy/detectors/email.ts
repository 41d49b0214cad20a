import type { Finding } from "../types";

// Quantifiers are bounded and a match may only start where a run of address characters starts (the lookbehind):
// scanning stays linear in the text's length, whatever is pasted. Letters of any script are allowed (IDN, EAI).
const emailPattern =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+'-]{0,62}[\p{L}\p{N}_%+-])?@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])/gu;

export function detectEmails(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(emailPattern)) {
    if (match[0].includes("..")) continue;
    findings.push({ type: "email", start: match.index, end: match.index + match[0].length, confidence: 0.95 });
  }
  return findings;
}
