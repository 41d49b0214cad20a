import { describe, expect, it } from "vitest";
import { detectFindings } from "@/lib/privacy/detect";
import { compileCustomRules } from "@/lib/privacy/detectors/custom-rules";
import { createPlaceholderTable, type PlaceholderTable, redactText, reservePlaceholdersIn } from "@/lib/privacy/placeholders";
import { createStreamingRestorer, restorePlaceholders } from "@/lib/privacy/restore";

function redact(text: string, table: PlaceholderTable): string {
  return redactText(text, detectFindings(text), table);
}

describe("redactText", () => {
  it("replaces each finding by a typed, numbered placeholder", () => {
    const table = createPlaceholderTable();
    expect(redact("Pay DE89 3704 0044 0532 0130 00 and mail anna@example.com or bob@example.org.", table)).toBe(
      "Pay [IBAN_1] and mail [EMAIL_1] or [EMAIL_2].",
    );
  });

  it("gives the same value the same placeholder across the turns of a conversation, however it is written", () => {
    const table = createPlaceholderTable();
    expect(redact("Customer Anna@Example.com, IBAN DE89 3704 0044 0532 0130 00", table)).toBe("Customer [EMAIL_1], IBAN [IBAN_1]");
    expect(redact("Refund DE89370400440532013000 to anna@example.com, cc carl@example.com", table)).toBe("Refund [IBAN_1] to [EMAIL_1], cc [EMAIL_2]");
  });

  it("labels admin terms by their rule", () => {
    const { compiled } = compileCustomRules([{ kind: "term", value: "Project Falcon", label: "project" }]);
    const table = createPlaceholderTable();
    const text = "Status of project falcon?";
    expect(redactText(text, detectFindings(text, { customRules: compiled }), table)).toBe("Status of [PROJECT_1]?");
  });

  it("never hands out a placeholder the user typed, so restoring cannot rewrite the user's own text", () => {
    const table = createPlaceholderTable();
    const text = "Template uses [EMAIL_1]; the real one is anna@example.com";
    reservePlaceholdersIn(table, text);
    const redacted = redact(text, table);
    expect(redacted).toBe("Template uses [EMAIL_1]; the real one is [EMAIL_2]");
    expect(restorePlaceholders("Use [EMAIL_1] or [EMAIL_2]", table)).toBe("Use [EMAIL_1] or anna@example.com");
  });
});

describe("restorePlaceholders", () => {
  const table = createPlaceholderTable();
  redact("Mail anna@example.com about DE89 3704 0044 0532 0130 00", table);

  it("puts the originals back, also where the model changed case or the separator", () => {
    expect(restorePlaceholders("I wrote to [EMAIL_1] ([email 1], [Email-1]) about [IBAN_1].", table)).toBe(
      "I wrote to anna@example.com (anna@example.com, anna@example.com) about DE89 3704 0044 0532 0130 00.",
    );
  });

  it("leaves placeholders it never handed out and ordinary brackets alone", () => {
    expect(restorePlaceholders("[EMAIL_7], [PHONE_1], [1], [link](x), arr[i_2]", table)).toBe("[EMAIL_7], [PHONE_1], [1], [link](x), arr[i_2]");
  });
});

describe("createStreamingRestorer", () => {
  const table = createPlaceholderTable();
  redact("anna@example.com and DE89 3704 0044 0532 0130 00", table);

  function streamed(chunks: readonly string[]): { shown: string[]; all: string } {
    const restorer = createStreamingRestorer(table);
    const shown = chunks.map((chunk) => restorer.push(chunk));
    shown.push(restorer.flush());
    return { shown, all: shown.join("") };
  }

  it("restores a placeholder split across chunks and never shows half of one", () => {
    const { shown, all } = streamed(["Contact [EMA", "IL", "_1", "] now; IBAN [", "IBAN_1]."]);
    expect(all).toBe("Contact anna@example.com now; IBAN DE89 3704 0044 0532 0130 00.");
    for (const part of shown) expect(part).not.toMatch(/\[E|IL_|\[I/);
  });

  it("restores character by character", () => {
    const text = "a [EMAIL_1] b [IBAN_1] c [x] [EMAIL_9]";
    expect(streamed([...text]).all).toBe("a anna@example.com b DE89 3704 0044 0532 0130 00 c [x] [EMAIL_9]");
  });

  it("does not hold back text after a bracket that cannot be a placeholder any more", () => {
    const restorer = createStreamingRestorer(table);
    expect(restorer.push("see [")).toBe("see ");
    expect(restorer.push("the docs")).toBe("[the docs");
    expect(restorer.push(" and [link](https://example.com) [EMAIL_1")).toBe(" and [link](https://example.com) ");
    // An unfinished placeholder at the very end is shown as it is.
    expect(restorer.flush()).toBe("[EMAIL_1");
  });
});
