// Which model endpoints the app will call. Company backends legitimately live on private networks and even on
// loopback (Ollama beside the app), so those stay allowed; what is refused is what no model server uses and an
// attacker wants: cloud metadata services (link-local addresses and their aliases) and credentials inside the URL,
// which would end up in logs and error messages. WHATWG URL parsing has already turned decimal, hex and octal IPv4
// forms and IPv4-mapped IPv6 into one canonical spelling, so checking the parsed hostname covers those tricks.

const METADATA_HOSTNAMES = new Set(["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"]);
const METADATA_IPV4 = new Set(["100.100.100.200", "192.0.0.192"]);

function ipv4Octets(host: string): number[] | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

function isLinkLocalIpv4(host: string): boolean {
  const octets = ipv4Octets(host);
  return octets !== null && octets[0] === 169 && octets[1] === 254;
}

/** Expands an IPv6 literal (without brackets) to eight 16-bit groups; null when it is not one. */
function ipv6Groups(host: string): number[] | null {
  if (!host.includes(":")) return null;
  let text = host.toLowerCase();
  const dotted = text.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const octets = ipv4Octets(dotted[2] ?? "");
    if (!octets) return null;
    text = `${dotted[1]}${((octets[0]! << 8) | octets[1]!).toString(16)}:${((octets[2]! << 8) | octets[3]!).toString(16)}`;
  }
  const [head = "", tail, ...rest] = text.split("::");
  if (rest.length) return null;
  const parse = (part: string) => (part ? part.split(":").map((group) => (/^[0-9a-f]{1,4}$/.test(group) ? parseInt(group, 16) : NaN)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<number>(tail === undefined ? 0 : missing).fill(0), ...right];
  return groups.some(Number.isNaN) ? null : groups;
}

function isMetadataIpv6(host: string): boolean {
  const groups = ipv6Groups(host);
  if (!groups) return false;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  if ((g0 & 0xffc0) === 0xfe80) return true; // fe80::/10, link-local
  if (g0 === 0xfd00 && g1 === 0x0ec2 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && g7 === 0x254) return true; // AWS IMDS
  const mappedOrCompatible = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && (g5 === 0xffff || g5 === 0);
  const nat64 = g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0;
  if (mappedOrCompatible || nat64) {
    const embedded = `${g6 >> 8}.${g6 & 0xff}.${g7 >> 8}.${g7 & 0xff}`;
    return isLinkLocalIpv4(embedded) || METADATA_IPV4.has(embedded);
  }
  return false;
}

/**
 * True for an address no model server has and an attacker wants: link-local (IPv4 169.254/16, IPv6 fe80::/10, also
 * inside IPv4-mapped and NAT64 forms) and the cloud metadata addresses. Used on resolved addresses at connect time.
 */
export function isForbiddenAddress(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, "").toLowerCase();
  return METADATA_IPV4.has(host) || isLinkLocalIpv4(host) || isMetadataIpv6(host);
}

/** Why the app refuses to call this endpoint, or null when it may. */
export function endpointProblem(endpoint: string): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "must be a URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must start with http:// or https://";
  if (url.username || url.password) return "must not contain a user name or password: put the key in the API key field";
  const host = url.hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
  if (METADATA_HOSTNAMES.has(host) || isForbiddenAddress(host)) {
    return "points at a link-local or cloud metadata address, which no model server uses";
  }
  return null;
}
