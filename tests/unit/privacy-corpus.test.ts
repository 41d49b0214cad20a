import { describe, expect, it } from "vitest";
import { loadCorpus, parseMarked, scoreCorpus } from "@/bench/privacy-score";
import type { FindingType } from "@/lib/privacy/types";

// The goals of the privacy guard, held on the fixture corpus (npm run bench:privacy prints the full table).
const checksumAndSecretTypes: readonly FindingType[] = ["iban", "payment_card", "national_id", "secret"];

describe("privacy fixture corpus", () => {
  const score = scoreCorpus(loadCorpus());

  it("has a corpus for every built-in type", () => {
    expect(score.byType.map((row) => row.type).sort()).toEqual([
      "email",
      "iban",
      "ip_address",
      "national_id",
      "payment_card",
      "phone",
      "secret",
      "uk_nino",
      "us_ssn",
    ]);
    for (const row of score.byType) expect(row.expected, row.type).toBeGreaterThanOrEqual(20);
  });

  it("finds at least 95 % of checksum-backed values and secrets", () => {
    for (const type of checksumAndSecretTypes) {
      const row = score.byType.find((r) => r.type === type);
      expect(row?.recall, `${type}: ${JSON.stringify(score.misses.filter((m) => m.type === type))}`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it("triggers on at most 2 % of ordinary business sentences", () => {
    expect(score.ordinary.sentences).toBeGreaterThanOrEqual(150);
    expect(score.ordinary.rate, JSON.stringify(score.falseAlarms)).toBeLessThanOrEqual(0.02);
  });

  it("reads marked fixture lines", () => {
    expect(parseMarked("a ⟦b⟧ c ⟦dd⟧")).toEqual({
      text: "a b c dd",
      expected: [
        { start: 2, end: 3 },
        { start: 6, end: 8 },
      ],
    });
  });
});
