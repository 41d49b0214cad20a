import { describe, expect, it } from "vitest";
import { CostBudget } from "@/lib/evals/cost-budget";
import { progressOf, type ResultForSummary, summarizeResults } from "@/lib/evals/summary";

const result = (modelId: string, itemId: string, resultStatus: ResultForSummary["resultStatus"], correct: boolean | null, totalMs = 100): ResultForSummary => ({
  itemId,
  modelId,
  resultStatus,
  correct,
  ttftMs: totalMs / 2,
  totalMs,
  inputTokens: 10,
  outputTokens: 5,
  costUsd: resultStatus === "done" || resultStatus === "error" ? 0.002 : 0,
});

describe("CostBudget", () => {
  it("lets an item start only while spent + under way + this one's expected cost stays within the cap", () => {
    const budget = new CostBudget(1, 0);
    // Nothing is known of model a yet: its first item is expected to cost nothing.
    const first = budget.reserve("a");
    expect(first).toBe(0);
    budget.settle("a", first ?? 0, 0.4);
    const second = budget.reserve("a");
    expect(second).toBeCloseTo(0.4);
    // 0.4 spent + 0.4 under way + 0.4 expected = 1.2 > 1: refused, and nothing reserved for it.
    expect(budget.reserve("a")).toBeNull();
    budget.settle("a", second ?? 0, 0.4);
    expect(budget.spentUsd).toBeCloseTo(0.8);
    expect(budget.reserve("a")).toBeNull();
    // Another model with nothing known may still start one.
    expect(budget.reserve("b")).toBe(0);
  });

  it("counts what a resumed run had already spent, and has no limit without a cap", () => {
    expect(new CostBudget(1, 1.5).reserve("a")).toBeNull();
    const open = new CostBudget(null, 1_000);
    open.settle("a", 0, 50);
    expect(open.reserve("a")).toBe(50);
  });
});

describe("summarizeResults", () => {
  it("keeps errors apart from wrong answers, and counts per tag", () => {
    const results = [
      result("m", "1", "done", true, 100),
      result("m", "2", "done", false, 200),
      result("m", "3", "error", null, 300),
      result("m", "4", "skipped", null),
    ];
    const tags = new Map([
      ["1", ["fr"]],
      ["2", ["fr", "de"]],
      ["3", ["de"]],
    ]);
    const [summary] = summarizeResults(["m"], results, tags);
    expect(summary).toMatchObject({ graded: 2, correct: 1, accuracy: 0.5, errors: 1, skipped: 1, pending: 0, totalP50: 200, totalP95: 300 });
    expect(summary?.costUsd).toBeCloseTo(0.006);
    expect(summary?.costPerItemUsd).toBeCloseTo(0.002);
    expect(summary?.costPer1000Usd).toBeCloseTo(2);
    expect(summary?.byTag.fr).toMatchObject({ graded: 2, correct: 1 });
    expect(summary?.byTag.de).toMatchObject({ graded: 1, correct: 0 });
  });

  it("has no accuracy before anything is graded", () => {
    expect(summarizeResults(["m"], [result("m", "1", "pending", null)], new Map())[0]).toMatchObject({
      graded: 0,
      accuracy: null,
      low: null,
      costPerItemUsd: null,
    });
  });
});

describe("progressOf", () => {
  it("gives done / total per model and an ETA from the pace so far", () => {
    const counts = [
      { modelId: "a", status: "done" as const, count: 8 },
      { modelId: "a", status: "error" as const, count: 2 },
      { modelId: "a", status: "pending" as const, count: 30 },
      { modelId: "b", status: "done" as const, count: 40 },
    ];
    expect(progressOf(["a", "b"], counts, 20_000)).toEqual([
      { modelId: "a", total: 40, done: 10, errors: 2, skipped: 0, etaSeconds: 60 },
      { modelId: "b", total: 40, done: 40, errors: 0, skipped: 0, etaSeconds: null },
    ]);
  });
});
