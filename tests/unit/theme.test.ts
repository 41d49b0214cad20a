import { describe, expect, it } from "vitest";
import { parseTheme } from "@/components/theme/theme";

describe("parseTheme", () => {
  it("keeps each of the themes", () => {
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("system")).toBe("system");
  });

  it("reads a missing or tampered cookie as the system's theme", () => {
    for (const value of [undefined, null, "", "Dark", " dark", "toString", "constructor", "__proto__"]) expect(parseTheme(value)).toBe("system");
  });
});
