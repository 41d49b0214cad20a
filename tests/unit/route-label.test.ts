import { describe, expect, it } from "vitest";
import { routeLabel } from "@/lib/server/route-label";

// Route labels for metrics and logs: one label per route, whatever ids or junk the path carries.

describe("routeLabel", () => {
  it("replaces ids with :id", () => {
    expect(routeLabel("/api/chat/3f2b8c1e-9a4d-4e3b-8f6a-1c2d3e4f5a6b/stream", 200)).toBe("/api/chat/:id/stream");
    expect(routeLabel("/api/admin/users/cm1x2y3z4a5b6c7d8e9f0g1h2", 200)).toBe("/api/admin/users/:id");
    expect(routeLabel("/api/presets/42", 200)).toBe("/api/presets/:id");
  });

  it("keeps static paths as they are, and groups Next's files", () => {
    expect(routeLabel("/api/chat", 200)).toBe("/api/chat");
    expect(routeLabel("/", 200)).toBe("/");
    expect(routeLabel("/_next/static/chunks/app-1234.js", 200)).toBe("/_next/static");
    expect(routeLabel("/_next/image", 200)).toBe("/_next");
  });

  it("puts every unknown path under one label", () => {
    expect(routeLabel("/wp-admin/setup.php", 404)).toBe("unmatched");
  });
});
