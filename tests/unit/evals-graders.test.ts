import { describe, expect, it } from "vitest";
import { extractChoiceLetter, extractNumber } from "@/lib/evals/extract-answer";
import { extractJson } from "@/lib/evals/extract-json";
import { gradeWithRule } from "@/lib/evals/graders";
import { DEFAULT_RUBRIC, judgePrompt, parseJudgeVerdict } from "@/lib/evals/judge";
import { percentile, wilsonInterval } from "@/lib/evals/stats";

const correct = (kind: Parameters<typeof gradeWithRule>[0], answer: string, ideals: string[], tolerance?: number) =>
  gradeWithRule(kind, answer, ideals, { tolerance }).correct;

describe("exact", () => {
  it("ignores case, whitespace and punctuation, and accepts any of several answers", () => {
    expect(correct("exact", "  Paris. ", ["paris"])).toBe(true);
    expect(correct("exact", "New\n  York!", ["new york"])).toBe(true);
    expect(correct("exact", "Bonjour", ["Hello", "bonjour"])).toBe(true);
    expect(correct("exact", "Ｐａｒｉｓ", ["Paris"])).toBe(true);
  });
  it("does not accept a longer answer or an empty one", () => {
    expect(correct("exact", "Paris, France", ["Paris"])).toBe(false);
    expect(correct("exact", "...", ["!"])).toBe(false);
  });
});

describe("contains", () => {
  it("finds the expected words in the answer on word boundaries", () => {
    expect(correct("contains", "The capital is Paris, of course.", ["paris"])).toBe(true);
    expect(correct("contains", "It is 42.", ["42"])).toBe(true);
    expect(correct("contains", "It is 142.", ["42"])).toBe(false);
    expect(correct("contains", "Anything", [" "])).toBe(false);
  });
});

describe("regex", () => {
  it("matches case-insensitively anywhere in the answer", () => {
    expect(correct("regex", "The answer: Paris", ["\\bparis\\b"])).toBe(true);
    expect(correct("regex", "colour", ["colou?r$"])).toBe(true);
    expect(correct("regex", "nope", ["^yes$"])).toBe(false);
  });
  it("refuses a pattern RE2 cannot run in linear time instead of hanging, and stays fast on a classic ReDoS", () => {
    const verdict = gradeWithRule("regex", "aaaa", ["(a)\\1"]);
    expect(verdict.correct).toBe(false);
    expect(verdict.reason).toMatch(/not a usable pattern/);
    const started = Date.now();
    expect(correct("regex", `${"a".repeat(50_000)}!`, ["^(a+)+$"])).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("choice", () => {
  it("extracts the letter BIG-Bench Hard style", () => {
    expect(extractChoiceLetter("Let's think. (A) is wrong because... So the answer is (C).")).toBe("C");
    expect(extractChoiceLetter("(B)")).toBe("B");
    expect(extractChoiceLetter("b")).toBe("B");
    expect(extractChoiceLetter("D.")).toBe("D");
    expect(extractChoiceLetter("Answer: B")).toBe("B");
    expect(extractChoiceLetter("The answer is a tricky one, (D) I think")).toBe("D");
    expect(extractChoiceLetter("I am not sure")).toBeNull();
  });
  it("grades the letter against the expected one", () => {
    expect(correct("choice", "So the answer is (B).", ["(B)"])).toBe(true);
    expect(correct("choice", "(A) or (B)? I pick (A)", ["(B)"])).toBe(false);
    expect(gradeWithRule("choice", "no idea", ["(B)"]).reason).toBe("no option letter found");
  });
});

describe("json", () => {
  it("finds JSON in a code fence or in text and ignores key order", () => {
    expect(correct("json", 'Here you go:\n```json\n{"b": [1, 2], "a": "x"}\n```', ['{"a":"x","b":[1,2]}'])).toBe(true);
    expect(correct("json", 'Sure! {"name": "Ada", "age": 36} is the record.', ['{"age":36,"name":"Ada"}'])).toBe(true);
    expect(correct("json", '{"n": 1.0}', ['{"n": 1}'])).toBe(true);
  });
  it("keeps array order and types, and tells when there is no JSON", () => {
    expect(correct("json", '{"b": [2, 1]}', ['{"b":[1,2]}'])).toBe(false);
    expect(correct("json", '{"n": "1"}', ['{"n": 1}'])).toBe(false);
    expect(correct("json", '{"a": 1, "extra": true}', ['{"a": 1}'])).toBe(false);
    expect(gradeWithRule("json", "none here {", ['{"a":1}']).reason).toBe("no JSON in the answer");
    expect(extractJson('text {"s": "a } inside"} more')).toEqual({ s: "a } inside" });
  });
});

describe("number", () => {
  it("takes the last number, with thousands separators, signs and exponents", () => {
    expect(extractNumber("First 3 apples, then 1,234.5 in total.")).toBe(1234.5);
    expect(extractNumber("−7 degrees")).toBe(-7);
    expect(extractNumber("about 1e3")).toBe(1000);
    expect(extractNumber("none")).toBeNull();
  });
  it("accepts within the tolerance only", () => {
    expect(correct("number", "The result is 3.14159", ["3.14"], 0.01)).toBe(true);
    expect(correct("number", "The result is 3.2", ["3.14"], 0.01)).toBe(false);
    expect(correct("number", "= 12", ["12.0"])).toBe(true);
    expect(correct("number", "= 12.0000001", ["12"])).toBe(true);
    expect(correct("number", "= 12.1", ["12"])).toBe(false);
  });
});

describe("model-graded", () => {
  it("fills the rubric's placeholders once, without re-reading what was filled in", () => {
    const prompt = judgePrompt("Q={{input}} E={{ ideal }} A={{answer}}", { input: [{ role: "user", content: "say {{answer}}" }], ideal: ["a", "b"] }, "x");
    expect(prompt).toBe("Q=say {{answer}} E=a\n  or: b A=x");
    expect(judgePrompt(DEFAULT_RUBRIC, { input: [{ role: "user", content: "2+2" }], ideal: ["4"] }, "four")).toContain("four");
  });
  it("reads the verdict and the reason from the judge's answer", () => {
    expect(parseJudgeVerdict("VERDICT: CORRECT\nREASON: same number")).toEqual({ correct: true, reason: "same number" });
    expect(parseJudgeVerdict("**Verdict:** INCORRECT\nReason: says 5")).toEqual({ correct: false, reason: "says 5" });
    expect(parseJudgeVerdict("Incorrect. The expected answer is Paris.")).toEqual({ correct: false, reason: "The expected answer is Paris." });
    expect(parseJudgeVerdict("I cannot tell.")).toEqual({ unreadable: "the judge's answer has no verdict" });
  });
});

describe("stats", () => {
  it("computes Wilson 95 % intervals", () => {
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 3);
    expect(high).toBeCloseTo(0.9433, 3);
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 0 });
  });
  it("computes nearest-rank percentiles", () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(95);
    expect(percentile([], 50)).toBeNull();
  });
});
