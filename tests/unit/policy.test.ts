import { describe, expect, it } from "vitest";
import { emailDomain, groupsFromClaims, isAdminEmail, isEmailDomainAllowed, isInAdminGroup, normalizeEmail, safeCallbackPath } from "@/lib/auth/policy";

describe("email rules", () => {
  it("normalises emails and reads their domain", () => {
    expect(normalizeEmail("  Alice@Example.COM ")).toBe("alice@example.com");
    expect(emailDomain("Alice@Example.COM")).toBe("example.com");
  });

  it("allows every domain when the allowlist is empty", () => {
    expect(isEmailDomainAllowed("anyone@anywhere.test", [])).toBe(true);
  });

  it("allows only listed domains, exactly, whatever the email's case", () => {
    const allowed = ["example.com", "corp.test"];
    expect(isEmailDomainAllowed("Alice@EXAMPLE.com", allowed)).toBe(true);
    expect(isEmailDomainAllowed("bob@corp.test", allowed)).toBe(true);
    expect(isEmailDomainAllowed("mallory@evil.test", allowed)).toBe(false);
    expect(isEmailDomainAllowed("mallory@sub.example.com", allowed)).toBe(false);
    expect(isEmailDomainAllowed("mallory@example.com.evil.test", allowed)).toBe(false);
    expect(isEmailDomainAllowed("mallory@notexample.com", allowed)).toBe(false);
  });

  it("recognises admin emails case-insensitively", () => {
    expect(isAdminEmail(" Boss@Example.com", ["boss@example.com"])).toBe(true);
    expect(isAdminEmail("other@example.com", ["boss@example.com"])).toBe(false);
    expect(isAdminEmail("boss@example.com", [])).toBe(false);
  });
});

describe("groupsFromClaims", () => {
  it("reads an array claim, dropping non-strings, empties and duplicates", () => {
    expect(groupsFromClaims({ groups: ["staff", "admins", "", 7, null, "staff"] }, "groups")).toEqual(["staff", "admins"]);
  });

  it("splits a string claim on spaces and commas", () => {
    expect(groupsFromClaims({ roles: "staff admins,ops" }, "roles")).toEqual(["staff", "admins", "ops"]);
    expect(groupsFromClaims({ groups: "admins" }, "groups")).toEqual(["admins"]);
  });

  it("returns no groups when the claim is missing or of another type", () => {
    expect(groupsFromClaims({}, "groups")).toEqual([]);
    expect(groupsFromClaims({ groups: { admins: true } }, "groups")).toEqual([]);
    expect(groupsFromClaims({ other: ["admins"] }, "groups")).toEqual([]);
  });

  it("keeps at most 500 groups", () => {
    const groups = Array.from({ length: 600 }, (_, index) => `group-${index}`);
    expect(groupsFromClaims({ groups }, "groups")).toEqual(groups.slice(0, 500));
  });

  it("matches admin groups exactly", () => {
    expect(isInAdminGroup(["staff", "chat-admins"], ["chat-admins"])).toBe(true);
    expect(isInAdminGroup(["staff"], ["chat-admins"])).toBe(false);
    expect(isInAdminGroup(["Chat-Admins"], ["chat-admins"])).toBe(false);
    expect(isInAdminGroup(["chat-admins"], [])).toBe(false);
  });
});

describe("safeCallbackPath", () => {
  const appUrl = "https://chat.example.com";

  it.each([
    ["https://evil.test", "an absolute URL elsewhere"],
    ["https://evil.test/chat", "an absolute URL elsewhere with a path"],
    ["//evil.test", "a protocol-relative URL"],
    ["//evil.test/chat", "a protocol-relative URL with a path"],
    ["/\\evil.test", "a backslash trick"],
    ["\\\\evil.test", "a double backslash"],
    ["javascript:alert(1)", "a javascript: URL"],
    ["http://chat.example.com/chat", "the app on another scheme"],
    ["chat", "a relative path without a leading slash"],
  ])("falls back to / for %s (%s)", (callbackUrl) => {
    expect(safeCallbackPath(callbackUrl, appUrl)).toBe("/");
  });

  it("falls back to / without a callback", () => {
    expect(safeCallbackPath(null, appUrl)).toBe("/");
    expect(safeCallbackPath(undefined, appUrl)).toBe("/");
    expect(safeCallbackPath("", appUrl)).toBe("/");
  });

  it("keeps a same-origin path with its query and hash", () => {
    expect(safeCallbackPath("/chat?x=1", appUrl)).toBe("/chat?x=1");
    expect(safeCallbackPath("/c/abc#last", appUrl)).toBe("/c/abc#last");
  });

  it("turns an absolute same-origin URL into its path", () => {
    expect(safeCallbackPath("https://chat.example.com/chat?x=1", appUrl)).toBe("/chat?x=1");
  });
});
