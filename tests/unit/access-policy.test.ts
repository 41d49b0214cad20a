import { describe, expect, it } from "vitest";
import { isValidDomain, parseDomainList, roleAtSignIn } from "@/lib/auth/policy";

describe("roleAtSignIn", () => {
  it("makes admin through the environment or a group mapped to admin", () => {
    expect(roleAtSignIn({ isAdminByEnv: true, groupRoles: [], groupsDecideRole: false })).toBe("admin");
    expect(roleAtSignIn({ isAdminByEnv: false, groupRoles: ["user", "admin"], groupsDecideRole: true })).toBe("admin");
  });

  it("otherwise demotes when OIDC_ADMIN_GROUPS decides, and keeps the stored role when it does not", () => {
    expect(roleAtSignIn({ isAdminByEnv: false, groupRoles: ["user"], groupsDecideRole: true })).toBe("user");
    expect(roleAtSignIn({ isAdminByEnv: false, groupRoles: [], groupsDecideRole: false })).toBeUndefined();
  });
});

describe("domain list", () => {
  it("splits on commas, spaces and new lines, lowercases, drops a leading @ and repeats", () => {
    expect(parseDomainList(" Example.com,corp.example.org\n@example.net;example.com ")).toEqual(["example.com", "corp.example.org", "example.net"]);
    expect(parseDomainList("  ")).toEqual([]);
  });

  it("accepts domain names only", () => {
    for (const domain of ["example.com", "a-b.example.co.uk", "xn--bcher-kva.example"]) expect(isValidDomain(domain)).toBe(true);
    for (const domain of ["localhost", "-bad.com", "exa mple.com", "*.example.com", "example.com/path", "a@b.com", ""])
      expect(isValidDomain(domain)).toBe(false);
  });
});
