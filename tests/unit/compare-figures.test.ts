import { describe, expect, it } from "vitest";
import { answerFigures, durationText, tokensText } from "@/components/compare/answer-figures";
import type { ChatUIMessage } from "@/lib/chat/types";

const message = (metadata: ChatUIMessage["metadata"]): ChatUIMessage => ({ id: "m", role: "assistant", parts: [], metadata });

describe("compare figures", () => {
  it("counts from the click on Compare while the answer streams, with estimated output tokens", () => {
    const figures = answerFigures(message({ createdAt: "", status: "streaming" }), "12345678", {
      startedAt: 1_000,
      firstTokenAt: 1_250,
      now: 3_000,
      ended: false,
    });
    expect(figures).toEqual({ firstTokenMs: 250, totalMs: 2_000, inputTokens: null, outputTokens: 2, estimated: true, live: true });
    expect(durationText(figures.firstTokenMs)).toBe("250 ms");
    expect(durationText(figures.totalMs)).toBe("2.0 s");
    expect(tokensText(figures)).toBe("2 out");
  });

  it("shows nothing yet before the first token", () => {
    const figures = answerFigures(null, "", { startedAt: 0, firstTokenAt: null, now: 500, ended: false });
    expect(durationText(figures.firstTokenMs)).toBe("—");
    expect(tokensText(figures)).toBe("—");
    expect(figures.estimated).toBe(false);
  });

  it("takes the server's stored figures once the answer ended", () => {
    const figures = answerFigures(
      message({
        createdAt: "",
        status: "complete",
        timings: { firstTokenMs: 420, totalMs: 3_210 },
        usage: { inputTokens: 1_234, outputTokens: 56, estimated: false },
      }),
      "text",
      { startedAt: 0, firstTokenAt: 100, now: 9_999, ended: true },
    );
    expect(figures).toEqual({ firstTokenMs: 420, totalMs: 3_210, inputTokens: 1_234, outputTokens: 56, estimated: false, live: false });
    expect(tokensText(figures)).toBe("1,234 in · 56 out");
  });

  it("flags estimated usage of a backend that reports none", () => {
    const figures = answerFigures(message({ createdAt: "", status: "complete", usage: { inputTokens: 10, outputTokens: 5, estimated: true } }), "x", {
      startedAt: 0,
      firstTokenAt: 1,
      now: 2,
      ended: true,
    });
    expect(figures.estimated).toBe(true);
    expect(figures.firstTokenMs).toBeNull();
  });
});
