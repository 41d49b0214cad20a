import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "@/lib/audit/csv";
import { shortUserAgent } from "@/lib/audit/user-agent";

describe("csvCell", () => {
  it("quotes every cell and doubles quotes", () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
    expect(csvRow(["a", "b\nc"])).toBe('"a","b\nc"\r\n');
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const formula of ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"]) expect(csvCell(formula)).toBe(`"'${formula}"`);
    expect(csvCell("a=1")).toBe('"a=1"');
  });
});

describe("shortUserAgent", () => {
  it("names common browsers and systems, and cuts anything else short", () => {
    expect(shortUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe("Firefox 133 on Windows");
    expect(
      shortUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"),
    ).toBe("Safari 17 on iOS");
    expect(shortUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).toBe(
      "Edge 131 on Linux",
    );
    expect(shortUserAgent("curl/8.5.0")).toBe("curl 8");
    expect(shortUserAgent("x".repeat(60))).toBe(`${"x".repeat(39)}…`);
    expect(shortUserAgent(null)).toBeNull();
  });
});
