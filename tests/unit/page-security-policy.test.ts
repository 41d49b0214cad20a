import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

// Issue 16 item 12: every page gets a full Content-Security-Policy header with a fresh script nonce, also handed to
// Next.js on the request so its own scripts carry it.

function policyOf(path: string, cookie?: string) {
  const response = proxy(new NextRequest(`http://localhost${path}`, cookie ? { headers: { cookie } } : undefined));
  return { response, policy: response.headers.get("content-security-policy") };
}

describe("page Content-Security-Policy", () => {
  it("is set on pages with a nonce for scripts, default-src and frame-ancestors 'none'", () => {
    const { response, policy } = policyOf("/sign-in");
    expect(policy).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'(;|$)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-eval");
    // Next.js reads the nonce from the request's policy.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("uses a new nonce for every request", () => {
    const nonce = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
    const first = nonce(policyOf("/", "chat.session-token=x").policy);
    const second = nonce(policyOf("/", "chat.session-token=x").policy);
    expect(first).toBeDefined();
    expect(first).not.toBe(second);
  });

  it("is not put on API answers", () => {
    expect(policyOf("/api/health").policy).toBeNull();
  });
});
