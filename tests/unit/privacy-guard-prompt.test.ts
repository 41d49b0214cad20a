import { describe, expect, it } from "vitest";
import type { ChatMessage } from "@/lib/ai/chat-message";
import { guardPrompt } from "@/lib/privacy/guard-prompt";
import { resolvePolicy } from "@/lib/privacy/policy";
import { createStreamingRestorer } from "@/lib/privacy/restore";

const prompt: ChatMessage[] = [
  { role: "system", content: "You help the finance team. Escalations go to cfo@example.com." },
  { role: "user", content: "Customer anna@example.com asked about her refund." },
  { role: "assistant", content: "I can draft a reply to anna@example.com." },
  { role: "user", content: "Refund to DE89 3704 0044 0532 0130 00 and mail Anna@Example.com, key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t" },
];

describe("guardPrompt", () => {
  it("redact: every message (system prompt and earlier turns too) goes out with placeholders, numbered in prompt order", () => {
    const guarded = guardPrompt(prompt, resolvePolicy("external", { byCategory: { personal: "redact" } }));
    if (guarded.decision.outcome !== "send" || !("prompt" in guarded)) throw new Error(`expected send, got ${guarded.decision.outcome}`);
    expect(guarded.prompt.map((m) => m.content)).toEqual([
      "You help the finance team. Escalations go to [EMAIL_1].",
      "Customer [EMAIL_2] asked about her refund.",
      "I can draft a reply to [EMAIL_2].",
      "Refund to [IBAN_1] and mail [EMAIL_2], key [SECRET_1]",
    ]);
    const sent = JSON.stringify(guarded.prompt);
    for (const value of ["example.com", "DE89", "sk-proj"]) expect(sent).not.toContain(value);
    expect(guarded.decision.redactions).toEqual([
      { type: "email", count: 4 },
      { type: "iban", count: 1 },
      { type: "secret", count: 1 },
    ]);

    const restorer = createStreamingRestorer(guarded.table);
    const answer = ["Done: refunded to [IB", "AN_1]; I told [EMAIL_", "2] and cc'd [EMAIL_1]."].map((c) => restorer.push(c)).join("") + restorer.flush();
    expect(answer).toBe("Done: refunded to DE89 3704 0044 0532 0130 00; I told anna@example.com and cc'd cfo@example.com.");
  });

  it("warn: nothing to send until the user confirms what they were shown", () => {
    const policy = resolvePolicy("external");
    const first = guardPrompt(prompt, policy);
    expect(first.decision).toEqual({
      outcome: "confirm",
      warnings: [
        { type: "email", count: 4 },
        { type: "iban", count: 1 },
      ],
      redactions: [{ type: "secret", count: 1 }],
    });
    if (first.decision.outcome !== "confirm") return;
    const confirmed = guardPrompt(prompt, policy, { acknowledged: first.decision.warnings });
    if (!("prompt" in confirmed)) throw new Error("expected send after confirming");
    // Confirmed personal data goes as written; the secret is still replaced.
    expect(confirmed.prompt[3]?.content).toBe("Refund to DE89 3704 0044 0532 0130 00 and mail Anna@Example.com, key [SECRET_1]");
  });

  it("block: no prompt at all, only the reason", () => {
    const guarded = guardPrompt(prompt, resolvePolicy("external", { byType: { iban: "block" } }));
    expect(guarded).toEqual({ decision: { outcome: "block", blocked: [{ type: "iban", count: 1 }] } });
  });

  it("allow (internal): the prompt goes through unchanged", () => {
    const guarded = guardPrompt(prompt, resolvePolicy("internal"));
    expect("prompt" in guarded && guarded.prompt).toEqual(prompt);
  });
});
