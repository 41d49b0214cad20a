import ipaddr from "ipaddr.js";
import { hasKeywordBefore, keywordPattern } from "../text-context";
import type { Finding } from "../types";

const ipv4Candidate = /(?<![\p{L}\p{N}.])(?:\d{1,3}\.){3}\d{1,3}(?![\p{L}\p{N}]|\.\d)/gu;
// Hex groups and colons (and a trailing dotted IPv4 part); validated by ipaddr.js below.
const ipv6Candidate = /(?<![\p{L}\p{N}:.])[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}(?:%[\p{L}\p{N}]{1,15})?(?![\p{L}\p{N}:])/gu;
// "version 1.2.3.4", "§ 2.1.3.4": dotted numbers that are not addresses.
const notAnAddressBefore = keywordPattern([
  "v",
  "version",
  "versión",
  "versione",
  "ver",
  "release",
  "build",
  "section",
  "sección",
  "abschnitt",
  "chapter",
  "kapitel",
  "§",
]);

export function detectIpAddresses(text: string): Finding[] {
  return [...detectIpv4(text), ...detectIpv6(text)];
}

function detectIpv4(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(ipv4Candidate)) {
    const octets = match[0].split(".");
    if (octets.some((o) => Number(o) > 255 || (o.length > 1 && o.startsWith("0")))) continue;
    if (hasKeywordBefore(text, match.index, notAnAddressBefore)) continue;
    const range = ipaddr.IPv4.parse(match[0]).range();
    // The unspecified address, broadcast and netmasks say nothing about a person or a host.
    const isNoise = range === "unspecified" || range === "broadcast" || /^255\.|^0\./.test(match[0]);
    if (isNoise) continue;
    findings.push({
      type: "ip_address",
      start: match.index,
      end: match.index + match[0].length,
      confidence: range === "loopback" ? 0.5 : 0.85,
      detail: "ipv4",
    });
  }
  return findings;
}

function detectIpv6(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(ipv6Candidate)) {
    let candidate = match[0].replace(/\.+$/, "");
    if (candidate.endsWith(":") && !candidate.endsWith("::")) candidate = candidate.slice(0, -1);
    if ((candidate.match(/:/g)?.length ?? 0) < 2 || !ipaddr.IPv6.isValid(candidate)) continue;
    // At least three written groups, or it is "::", "::1", "a::b" (C++ scopes, emoticons, times).
    const groups = candidate.split(/[:.]/).filter((g) => g !== "");
    if (groups.length < 3) continue;
    const range = ipaddr.IPv6.parse(candidate).range();
    findings.push({
      type: "ip_address",
      start: match.index,
      end: match.index + candidate.length,
      confidence: range === "loopback" || range === "unspecified" ? 0.5 : 0.9,
      detail: "ipv6",
    });
  }
  return findings;
}
