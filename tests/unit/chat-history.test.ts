import { describe, expect, it } from "vitest";
import { alternatingTurns, buildPrompt, estimateMessageTokens, type HistoryTurn, UNANSWERED_PLACEHOLDER } from "@/lib/chat/history";

const user = (text: string): HistoryTurn => ({ role: "user", text, status: "complete" });
const answer = (text: string, status: HistoryTurn["status"] = "complete"): HistoryTurn => ({ role: "assistant", text, status });

/** A message of about `tokens` estimated tokens (4 of them are the per-message overhead). */
const sized = (tokens: number, mark: string) => mark.padEnd((tokens - 4) * 4, ".");

describe("buildPrompt", () => {
  it("puts the system prompt first and keeps the turns in order", () => {
    const prompt = buildPrompt([user("Hi"), answer("Hello!"), user("How are you?")], "Be brief.");
    expect(prompt).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello!" },
      { role: "user", content: "How are you?" },
    ]);
  });

  it("leaves out a blank system prompt", () => {
    expect(buildPrompt([user("Hi")], "  ")).toEqual([{ role: "user", content: "Hi" }]);
    expect(buildPrompt([user("Hi")], null)).toEqual([{ role: "user", content: "Hi" }]);
  });

  it("sends a placeholder for answers without text, skips answers still streaming and stored system rows, keeps partial answers", () => {
    const prompt = buildPrompt(
      [
        { role: "system", text: "old system row", status: "complete" },
        user("First"),
        answer("", "error"),
        user("Second"),
        answer("Half an ans", "stopped"),
        user("Third"),
        answer("  ", "stopped"),
        user("Fourth"),
        answer("", "streaming"),
      ],
      undefined,
    );
    expect(prompt).toEqual([
      { role: "user", content: "First" },
      { role: "assistant", content: UNANSWERED_PLACEHOLDER },
      { role: "user", content: "Second" },
      { role: "assistant", content: "Half an ans" },
      { role: "user", content: "Third" },
      { role: "assistant", content: UNANSWERED_PLACEHOLDER },
      { role: "user", content: "Fourth" },
    ]);
  });

  it("always alternates: a question without any answer row gets the placeholder, two answers in a row are joined", () => {
    expect(alternatingTurns([user("A"), user("B"), answer("x"), answer("y"), user("C")])).toEqual([
      { role: "user", content: "A" },
      { role: "assistant", content: UNANSWERED_PLACEHOLDER },
      { role: "user", content: "B" },
      { role: "assistant", content: "x\n\ny" },
      { role: "user", content: "C" },
    ]);
    expect(alternatingTurns([user("A"), answer(""), answer("late"), user("B")]).map((m) => m.content)).toEqual(["A", "late", "B"]);
  });

  it("counts with the given tokenizer instead of the estimate", () => {
    const history = [user("u1"), answer("a1"), user("u2")];
    const countTokens = (message: { content: string }) => (message.content === "a1" ? 950 : 10);
    expect(buildPrompt(history, undefined, { contextWindow: 1000, maxOutputTokens: 50, countTokens }).map((m) => m.content)).toEqual(["u2"]);
    expect(buildPrompt(history, undefined, { contextWindow: 1000, maxOutputTokens: 50 })).toHaveLength(3);
  });

  it("estimates tokens as ceil(chars / 4) plus the per-message overhead", () => {
    expect(estimateMessageTokens({ role: "user", content: "" })).toBe(4);
    expect(estimateMessageTokens({ role: "user", content: "abcde" })).toBe(6);
  });

  it("drops the oldest exchanges first to fit the window minus the answer's reserve", () => {
    const history = [user(sized(100, "u1")), answer(sized(100, "a1")), user(sized(100, "u2")), answer(sized(100, "a2")), user(sized(100, "u3"))];
    // 1000 - 500 reserved = 500: system (10) + u3 (100) + [u2, a2] (200) fit, [u1, a1] would make 510.
    const prompt = buildPrompt(history, sized(10, "sys"), { contextWindow: 1000, maxOutputTokens: 500 });
    expect(prompt.map((message) => message.content.slice(0, 3))).toEqual(["sys", "u2.", "a2.", "u3."]);
    const total = prompt.reduce((sum, message) => sum + estimateMessageTokens(message), 0);
    expect(total).toBeLessThanOrEqual(500);

    const roomier = buildPrompt(history, sized(10, "sys"), { contextWindow: 1010, maxOutputTokens: 500 });
    expect(roomier).toHaveLength(6);
  });

  it("always keeps the system prompt and the newest user message, even when they alone are too long", () => {
    const prompt = buildPrompt([user("old"), answer("older answer"), user(sized(5000, "big"))], "System.", { contextWindow: 4096, maxOutputTokens: 1024 });
    expect(prompt.map((message) => message.role)).toEqual(["system", "user"]);
    expect(prompt[1]?.content.startsWith("big")).toBe(true);
  });

  it("uses a 4096-token window and reserves 1024 tokens when the model names neither", () => {
    const history = [user(sized(2000, "u1")), answer(sized(1000, "a1")), user(sized(100, "u2"))];
    // 4096 - 1024 = 3072: u2 (100) + [u1, a1] (3000) = 3100 does not fit.
    expect(buildPrompt(history, undefined).map((message) => message.content.slice(0, 2))).toEqual(["u2"]);
    expect(buildPrompt(history, undefined, { maxOutputTokens: 900 })).toHaveLength(3);
  });

  it("never starts the turns with an answer", () => {
    const prompt = buildPrompt([answer("A greeting without a question"), user("Hi")], undefined);
    expect(prompt).toEqual([{ role: "user", content: "Hi" }]);
  });

  it("returns only the system prompt when there is no user message", () => {
    expect(buildPrompt([], "System.")).toEqual([{ role: "system", content: "System." }]);
  });
});
