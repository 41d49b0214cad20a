import type { Finding } from "../types";

type SecretRule = { detail: string; pattern: RegExp; confidence: number; group?: number };

// Well-known credential formats. Prefixes are case-sensitive as issued; bodies are bounded so scanning stays linear.
const rules: readonly SecretRule[] = [
  { detail: "openai-key", pattern: /(?<![\w-])sk-(?:proj-|ant-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}(?![\w-])/g, confidence: 0.95 },
  { detail: "aws-access-key", pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, confidence: 0.97 },
  { detail: "github-token", pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])/g, confidence: 0.98 },
  { detail: "slack-token", pattern: /(?<![A-Za-z0-9])xox[abposre]-[A-Za-z0-9-]{10,250}(?![A-Za-z0-9-])/g, confidence: 0.97 },
  { detail: "slack-webhook", pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/]{20,120}/g, confidence: 0.97 },
  { detail: "google-api-key", pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g, confidence: 0.95 },
  { detail: "stripe-key", pattern: /(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,128}(?![A-Za-z0-9_])/g, confidence: 0.97 },
  { detail: "gitlab-token", pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,64}(?![A-Za-z0-9_-])/g, confidence: 0.97 },
  {
    detail: "jwt",
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,1000}(?![A-Za-z0-9_-])/g,
    confidence: 0.93,
  },
  {
    detail: "connection-string-key",
    pattern: /(?:AccountKey|SharedAccessKey|Password|Pwd)=([^;\s"']{8,200})/dgi,
    confidence: 0.9,
    group: 1,
  },
  // The password part of scheme://user:password@host (more certain than the e-mail address it resembles).
  { detail: "url-password", pattern: /[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{1,100}:([^\s:/@]{3,100})@/dgi, confidence: 0.96, group: 1 },
  { detail: "bearer-token", pattern: /\bBearer +([A-Za-z0-9_\-.~+/]{16,2000}=*)/dg, confidence: 0.9, group: 1 },
];

// password = "…", api_key: …, "secret": "…" — the value, when it looks like a credential rather than a word.
const assignment =
  /(?<![\p{L}\p{N}])(?:password|passwd|passwort|pwd|pass|secret|client[_-]?secret|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|access[_-]?token|token|mot de passe|contraseña|wachtwoord)["']?[ \t]{0,3}(?:=|:|:=|=>)[ \t]{0,3}["'`]?([^\s"'`,;]{6,200})/giu;

const privateKeyBegin = /-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;
const privateKeyEnd = /-----END (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;
// Without an END line (a truncated paste), the block runs on over lines of base64 and PEM headers.
const pemBodyLine = /^[A-Za-z0-9+/=]{1,100}$|^[A-Za-z-]{1,40}: .{0,200}$|^$/;

export function detectSecrets(text: string): Finding[] {
  const findings: Finding[] = [...detectPrivateKeys(text)];
  for (const rule of rules) {
    for (const match of text.matchAll(rule.pattern)) {
      const [start, end] = match.indices?.[rule.group ?? 0] ?? [match.index, match.index + match[0].length];
      findings.push({ type: "secret", start, end, confidence: rule.confidence, detail: rule.detail });
    }
  }
  for (const match of text.matchAll(assignment)) {
    // Sentence punctuation after the value is not part of it.
    const value = (match[1] ?? "").replace(/[.,;:)\]]+$/, "");
    if (!looksLikeCredential(value)) continue;
    const start = match.index + match[0].length - (match[1] ?? "").length;
    findings.push({ type: "secret", start, end: start + value.length, confidence: 0.85, detail: "assigned-secret" });
  }
  return findings;
}

function detectPrivateKeys(text: string): Finding[] {
  const findings: Finding[] = [];
  // The next END line, searched once per END rather than once per BEGIN (linear with many BEGIN lines).
  let endMatch: RegExpExecArray | null = null;
  let searchedFrom = -1;
  for (const begin of text.matchAll(privateKeyBegin)) {
    if (searchedFrom === -1 || (endMatch !== null && endMatch.index < begin.index)) {
      privateKeyEnd.lastIndex = begin.index;
      endMatch = privateKeyEnd.exec(text);
      searchedFrom = begin.index;
    }
    let end = endMatch ? endMatch.index + endMatch[0].length : begin.index + begin[0].length;
    if (!endMatch) {
      while (end < text.length) {
        const lineEnd = text.indexOf("\n", end + 1);
        const line = text.slice(end + 1, lineEnd === -1 ? text.length : lineEnd).trim();
        if (!pemBodyLine.test(line) || (line === "" && lineEnd === -1)) break;
        end = lineEnd === -1 ? text.length : lineEnd;
      }
    }
    findings.push({ type: "secret", start: begin.index, end, confidence: 0.99, detail: "private-key" });
  }
  return findings;
}

/** A credential mixes kinds of characters; a word ("required", "expired") or a template ("<your key>") does not. */
function looksLikeCredential(value: string): boolean {
  if (/^[<{$%*x.\-_#]|^(?:null|none|undefined|true|false|changeme|example|redacted|hidden)$/i.test(value)) return false;
  if (/^(.)\1+$/.test(value)) return false;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((kind) => kind.test(value)).length;
  return kinds >= 2 && !/^[A-Z]?[a-z]+$/.test(value);
}
