import { describe, expect, it } from "vitest";
import { fallbackTitle, MAX_TITLE_LENGTH, sanitizeTitle } from "@/lib/chat/title-text";

describe("sanitizeTitle", () => {
  it("removes quotes, a Title: label, Markdown emphasis and a final full stop", () => {
    expect(sanitizeTitle('"Parrot care basics."')).toBe("Parrot care basics");
    expect(sanitizeTitle("Title: “Quarterly report” review")).toBe("Quarterly report review");
    expect(sanitizeTitle("**Market analysis tools**")).toBe("Market analysis tools");
    expect(sanitizeTitle("## Title: it's fine")).toBe("its fine");
  });

  it("takes the first non-empty line", () => {
    expect(sanitizeTitle("\n\nBudget planning\nHere is why I chose this title.")).toBe("Budget planning");
  });

  it("cuts long answers to 60 characters at a word boundary", () => {
    const title = sanitizeTitle("Ahoy! The parrot needs fresh fruit, a big cage and daily company.");
    expect(title).toBe("Ahoy! The parrot needs fresh fruit, a big cage and daily");
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(sanitizeTitle("x".repeat(100))).toHaveLength(MAX_TITLE_LENGTH);
  });

  it("returns an empty string for an empty answer", () => {
    expect(sanitizeTitle('  \n "" ')).toBe("");
  });
});

describe("fallbackTitle", () => {
  it("is the first 60 characters of the first message, whitespace collapsed", () => {
    expect(fallbackTitle("  How do I\n\nset up   SSO? ")).toBe("How do I set up SSO?");
    const long = "a".repeat(30) + " " + "b".repeat(40);
    expect(fallbackTitle(long)).toBe(long.slice(0, 60));
  });

  it("is New chat for an empty message", () => {
    expect(fallbackTitle("   ")).toBe("New chat");
  });
});

describe("sanitizeTitle at exactly 60 characters before a space", () => {
  it("keeps the last word when it ends right at the limit", () => {
    expect(sanitizeTitle("Consider market data vendors, public filings and transaction datasets.")).toBe(
      "Consider market data vendors, public filings and transaction",
    );
  });
});
