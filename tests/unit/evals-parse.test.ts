import { describe, expect, it } from "vitest";
import { EVAL_SET_LIMITS } from "@/lib/evals/eval-item";
import { parseEvalSet } from "@/lib/evals/parse-set";

const jsonl = (...rows: unknown[]) => rows.map((row) => (typeof row === "string" ? row : JSON.stringify(row))).join("\n");

describe("parseEvalSet: JSON Lines", () => {
  it("reads the OpenAI-evals shape with one or several ideal answers, tags and a grader", () => {
    const result = parseEvalSet(
      jsonl(
        {
          input: [
            { role: "system", content: "Be brief." },
            { role: "user", content: "2+2?" },
          ],
          ideal: "4",
          tags: ["math"],
        },
        "",
        { input: [{ role: "user", content: "Capital of France?" }], ideal: ["Paris", "paris, France"], tags: "geo; fr", grader: "contains" },
      ),
    );
    expect(result).toEqual({
      ok: true,
      format: "openai-evals",
      items: [
        {
          line: 1,
          input: [
            { role: "system", content: "Be brief." },
            { role: "user", content: "2+2?" },
          ],
          ideal: ["4"],
          tags: ["math"],
        },
        { line: 3, input: [{ role: "user", content: "Capital of France?" }], ideal: ["Paris", "paris, France"], tags: ["geo", "fr"], grader: "contains" },
      ],
    });
  });

  it("reads the BIG-Bench Hard shape, with Windows line ends and a byte-order mark", () => {
    const result = parseEvalSet(`\uFEFF${jsonl({ input: "Q: (A) x (B) y", target: "(B)" }, { input: "1+1", target: 2 })}`.replace(/\n/g, "\r\n"));
    expect(result.ok && result.format).toBe("bbh");
    expect(result.ok && result.items.map((item) => [item.line, item.input, item.ideal])).toEqual([
      [1, [{ role: "user", content: "Q: (A) x (B) y" }], ["(B)"]],
      [2, [{ role: "user", content: "1+1" }], ["2"]],
    ]);
  });

  it("refuses the whole file, naming each bad line and why", () => {
    const result = parseEvalSet(
      jsonl(
        { input: "ok", target: "1" },
        '{"input": "no closing brace"',
        { input: "   ", target: "x" },
        { input: "no target" },
        { prompt: "wrong field", target: "x" },
        { input: "bad tags", target: "x", tags: [1] },
        { input: "bad grader", target: "x", grader: "vibes" },
        "[1, 2]",
      ),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => [problem.line, problem.message.replace(/ \(.*\)$/, "")])).toEqual([
      [2, "bad JSON"],
      [3, "empty prompt"],
      [4, 'missing field "target"'],
      [5, 'missing field "input"'],
      [6, '"tags" must be a string or a list of strings'],
      [7, '"grader" must be one of exact, contains, regex, choice, json, number, model'],
      [8, "bad JSON: each line must be one object"],
    ]);
  });

  it("refuses chat input without a user message, an empty ideal, or a message without a role", () => {
    const result = parseEvalSet(
      jsonl(
        { input: [{ role: "system", content: "Only a system prompt" }], ideal: "x" },
        { input: [{ role: "user", content: "Hi" }], ideal: ["", " "] },
        { input: [{ content: "Hi" }], ideal: "x" },
        { input: [{ role: "user", content: "Hi" }] },
      ),
    );
    expect(!result.ok && result.problems).toEqual([
      { line: 1, message: "empty prompt" },
      { line: 2, message: 'empty "ideal"' },
      { line: 3, message: 'message 1 of "input" needs a role of system, user or assistant' },
      { line: 4, message: 'missing field "ideal"' },
    ]);
  });

  it("refuses a file that mixes the two shapes, and an empty file", () => {
    const mixed = parseEvalSet(jsonl({ input: "a", target: "b" }, { input: [{ role: "user", content: "a" }], ideal: "b" }));
    expect(!mixed.ok && mixed.problems).toEqual([{ line: 2, message: "mixes the OpenAI-evals and BIG-Bench Hard shapes: use one per file" }]);
    const empty = parseEvalSet("\n\n");
    expect(!empty.ok && empty.problems).toEqual([{ line: null, message: "the file has no items" }]);
  });

  it("refuses more than 5,000 items at the first item over, and a file over 10 MB", () => {
    const many = Array.from({ length: EVAL_SET_LIMITS.maxItems + 2 }, (_, i) => JSON.stringify({ input: `q${i}`, target: "a" })).join("\n");
    const result = parseEvalSet(many);
    expect(!result.ok && result.problems).toEqual([{ line: 5_001, message: "over 5,000 items" }]);
    const big = parseEvalSet("x", { byteLength: EVAL_SET_LIMITS.maxBytes + 1 });
    expect(!big.ok && big.problems).toEqual([{ line: null, message: "the file is over 10 MB" }]);
  });
});

describe("parseEvalSet: CSV", () => {
  it("reads quoted cells with commas, doubled quotes and line breaks, and counts lines from the record's start", () => {
    const csv = ["prompt,expected,tags", '"Say ""hi"", then stop",hi,greeting', '"Two', 'lines",ok,"a; b"', "", "plain,answer"].join("\n");
    const result = parseEvalSet(csv, { fileName: "set.csv" });
    expect(result).toEqual({
      ok: true,
      format: "csv",
      items: [
        { line: 2, input: [{ role: "user", content: 'Say "hi", then stop' }], ideal: ["hi"], tags: ["greeting"] },
        { line: 3, input: [{ role: "user", content: "Two\nlines" }], ideal: ["ok"], tags: ["a", "b"] },
        { line: 6, input: [{ role: "user", content: "plain" }], ideal: ["answer"], tags: [] },
      ],
    });
  });

  it("works without a header row", () => {
    const result = parseEvalSet("2+2,4\r\n3+3,6\r\n");
    expect(result.ok && result.items.map((item) => item.ideal[0])).toEqual(["4", "6"]);
  });

  it("names the line of a wrong column count, an empty prompt and an unclosed quote", () => {
    const result = parseEvalSet("prompt,expected\nonly one cell\n ,x\na,b,c,d");
    expect(!result.ok && result.problems).toEqual([
      { line: 2, message: "expected 2 or 3 columns (prompt, expected, tags), found 1" },
      { line: 3, message: "empty prompt" },
      { line: 4, message: "expected 2 or 3 columns (prompt, expected, tags), found 4" },
    ]);
    const unclosed = parseEvalSet('prompt,expected\nfine,1\n"never closed,2\nmore,3', { fileName: "x.csv" });
    expect(!unclosed.ok && unclosed.problems).toEqual([{ line: 3, message: "bad CSV: a quote opened here is never closed" }]);
  });
});

describe("the example set (examples/evals)", () => {
  it("parses whole, with every expected answer usable by its item's grader", async () => {
    const { readFileSync } = await import("node:fs");
    const { readUpload } = await import("@/lib/evals/preview");
    const { preview, items } = readUpload(readFileSync("examples/evals/company-basics.jsonl", "utf8"), "exact", "company-basics.jsonl");
    expect(preview.problems).toEqual([]);
    expect(items).toHaveLength(30);
    expect(preview.tags).toEqual(["arithmetic", "de", "en", "es", "fr", "it", "json-extraction", "multiple-choice", "translation"]);
    expect(new Set(items.map((item) => item.grader))).toEqual(new Set(["number", "choice", "contains", "json"]));
  });
});
