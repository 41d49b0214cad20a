import ipaddr from "ipaddr.js";

// Which address a request came from, for the audit log and the per-address sign-in limits. Only the right end of
// X-Forwarded-For can be trusted: every proxy appends the address it saw, while the left end is whatever the client
// wrote. Next.js itself fills X-Forwarded-For with the socket address only when the request has none, so without a
// proxy in front a client can still name itself; run behind one and set TRUSTED_PROXIES.

/** How many proxies in front of the app append to X-Forwarded-For, or which addresses (CIDRs) are such proxies. */
export type TrustedProxies = { hops: number } | { ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** A plain IPv4 (four decimal parts) or IPv6 address, with IPv4-mapped IPv6 turned into IPv4; null otherwise. */
function parseAddress(text: string): Address | null {
  const bare = text.trim().replace(/^\[(.*)\]$/, "$1");
  if (!ipaddr.IPv4.isValidFourPartDecimal(bare) && !ipaddr.IPv6.isValid(bare)) return null;
  return ipaddr.process(bare);
}

/** TRUSTED_PROXIES as written: a hop count ("1") or a comma list of addresses and CIDRs; null when it is neither. */
export function parseTrustedProxies(text: string | undefined): TrustedProxies | null {
  const value = (text ?? "").trim();
  if (value === "") return { hops: 0 };
  if (/^\d{1,2}$/.test(value)) return { hops: Number(value) };
  const ranges: [Address, number][] = [];
  for (const item of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (ipaddr.isValidCIDR(item)) {
      const [network, bits] = ipaddr.parseCIDR(item);
      ranges.push(
        network.kind() === "ipv6" && (network as ipaddr.IPv6).isIPv4MappedAddress() ? [(network as ipaddr.IPv6).toIPv4Address(), bits - 96] : [network, bits],
      );
      continue;
    }
    const address = parseAddress(item);
    if (!address) return null;
    ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
  }
  return ranges.length > 0 ? { ranges } : null;
}

function isTrusted(address: Address, ranges: [Address, number][]): boolean {
  return ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

/**
 * The client's address from X-Forwarded-For: with a hop count N, the Nth entry from the right (0 and 1 both take
 * the rightmost); with trusted ranges, the rightmost entry that is not one of them. Null when that entry is not an
 * IP address, so a made-up string never reaches the audit log or names a rate-limit key.
 */
export function clientAddress(forwardedFor: string | null, trusted: TrustedProxies): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  if ("hops" in trusted) {
    const entry = entries[entries.length - Math.max(1, trusted.hops)];
    return entry === undefined ? null : (parseAddress(entry)?.toString() ?? null);
  }
  for (let index = entries.length - 1; index >= 0; index--) {
    const address = parseAddress(entries[index] ?? "");
    if (!address) return null;
    if (!isTrusted(address, trusted.ranges) || index === 0) return address.toString();
  }
  return null;
}
