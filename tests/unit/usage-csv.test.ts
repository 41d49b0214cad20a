import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/usage/csv";

describe("usage CSV", () => {
  it("quotes cells with commas, quotes, line breaks or edge spaces, and doubles quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("Bob, Jr.")).toBe('"Bob, Jr."');
    expect(csvCell('J2 "Ultra"')).toBe('"J2 ""Ultra"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
    expect(csvCell(" padded ")).toBe('" padded "');
    expect(csvCell(null)).toBe("");
    expect(csvCell(0.000123)).toBe("0.000123");
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+Interns")).toBe("'+Interns");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=cmd")).toBe("'\t=cmd");
    expect(csvCell('=HYPERLINK("http://evil.test","x")')).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    // Numbers are figures, never text a spreadsheet would evaluate.
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes a header and rows with CRLF line ends", () => {
    expect(
      toCsv(
        ["day", "requests"],
        [
          ["2026-11-20", 3],
          ["2026-11-21", 0],
        ],
      ),
    ).toBe("day,requests\r\n2026-11-20,3\r\n2026-11-21,0\r\n");
  });
});
