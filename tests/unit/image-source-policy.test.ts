import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/ui/image-source-policy";

describe("contentSecurityPolicy", () => {
  it("lets images load from the app, data: and blob: only, by default", () => {
    expect(contentSecurityPolicy({ allowedImageHosts: [], userImage: null })).toBe(
      "img-src 'self' data: blob:; media-src 'self'; object-src 'none'; base-uri 'self'",
    );
  });

  it("adds the hosts an admin allowed and the user's own https profile picture host", () => {
    const policy = contentSecurityPolicy({
      allowedImageHosts: ["images.example.com", "Charts.Example.com:8443"],
      userImage: "https://lh3.googleusercontent.com/a/abc=s96-c",
    });
    expect(policy).toContain("img-src 'self' data: blob: images.example.com charts.example.com:8443 https://lh3.googleusercontent.com;");
  });

  it("drops anything that is not a plain host, so a stored value cannot widen or break the policy", () => {
    const policy = contentSecurityPolicy({
      allowedImageHosts: ["*", "https:", "evil.test; script-src *", "ok.example.com"],
      userImage: "http://insecure.example.com/me.png",
    });
    expect(policy).toBe("img-src 'self' data: blob: ok.example.com; media-src 'self'; object-src 'none'; base-uri 'self'");
  });
});
