import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, type TrustedProxies } from "@/lib/auth/client-address";
import { EnvError, parseEnv } from "@/lib/env";

// Issue 16 item 8: the audit log and the per-address sign-in limits take the client's address from the right end of
// X-Forwarded-For, past the trusted proxies, and only when it is an IP address.

function trusted(text: string): TrustedProxies {
  const parsed = parseTrustedProxies(text);
  if (!parsed) throw new Error(`not a TRUSTED_PROXIES value: ${text}`);
  return parsed;
}

describe("clientAddress", () => {
  it("takes the rightmost entry by default, never the client-written left end", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7", trusted(""))).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", trusted(""))).toBe("203.0.113.7");
    expect(clientAddress(null, trusted(""))).toBeNull();
  });

  it("with a hop count, takes the address the outermost trusted proxy saw", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.2", trusted("2"))).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7, 10.0.0.2", trusted("2"))).toBe("203.0.113.7");
    // Fewer entries than proxies: the request did not come through them.
    expect(clientAddress("10.0.0.2", trusted("2"))).toBeNull();
  });

  it("with trusted ranges, skips them from the right", () => {
    const proxies = trusted("10.0.0.0/8, 192.168.1.5, fd00::/8");
    expect(clientAddress("6.6.6.6, 203.0.113.7, 192.168.1.5, 10.1.2.3", proxies)).toBe("203.0.113.7");
    expect(clientAddress("2001:db8::1, fd00::7", proxies)).toBe("2001:db8::1");
    // Every hop is a proxy: the leftmost is the best we know.
    expect(clientAddress("10.9.9.9, 10.1.2.3", proxies)).toBe("10.9.9.9");
  });

  it("refuses anything that is not an IP address", () => {
    expect(clientAddress("<script>alert(1)</script>", trusted(""))).toBeNull();
    expect(clientAddress("1.2.3.4, not-an-ip", trusted(""))).toBeNull();
    expect(clientAddress("0x7f.1", trusted(""))).toBeNull();
    expect(clientAddress("999.1.1.1", trusted(""))).toBeNull();
    expect(clientAddress("evil, 10.1.2.3", trusted("10.0.0.0/8"))).toBeNull();
  });

  it("normalises IPv6 and IPv4-mapped addresses", () => {
    expect(clientAddress("[2001:DB8:0:0::1]", trusted(""))).toBe("2001:db8::1");
    expect(clientAddress("::ffff:203.0.113.7", trusted(""))).toBe("203.0.113.7");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("is parsed by the env module and a bad value names the variable", () => {
    expect(parseEnv({}).trustedProxies).toEqual({ hops: 0 });
    expect(parseEnv({ TRUSTED_PROXIES: "1" }).trustedProxies).toEqual({ hops: 1 });
    expect("ranges" in parseEnv({ TRUSTED_PROXIES: "10.0.0.0/8,::1" }).trustedProxies).toBe(true);
    expect(() => parseEnv({ TRUSTED_PROXIES: "proxy.internal" })).toThrow(EnvError);
    expect(() => parseEnv({ TRUSTED_PROXIES: "proxy.internal" })).toThrow(/TRUSTED_PROXIES must be a hop count/);
  });
});
