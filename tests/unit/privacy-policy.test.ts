import { describe, expect, it } from "vitest";
import { decidePrivacy } from "@/lib/privacy/decision";
import { describeCounts } from "@/lib/privacy/describe";
import { detectFindings } from "@/lib/privacy/detect";
import { defaultBoundaryForProvider, isPolicyActive, resolvePolicy } from "@/lib/privacy/policy";
import { privacyPolicyOverrideSchema } from "@/lib/privacy/policy-schema";

const text = "Customer anna@example.com, IBAN DE89 3704 0044 0532 0130 00, our key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t";
const findings = detectFindings(text);

describe("boundaries", () => {
  it("puts cloud APIs outside and company-hosted servers inside", () => {
    expect(defaultBoundaryForProvider("azure-openai")).toBe("external");
    expect(defaultBoundaryForProvider("ai21")).toBe("external");
    expect(defaultBoundaryForProvider("tgi")).toBe("internal");
    expect(defaultBoundaryForProvider("openai-compatible")).toBe("internal");
    expect(defaultBoundaryForProvider("ollama")).toBe("internal");
  });
});

describe("decidePrivacy", () => {
  it("internal by default: everything goes through unchanged", () => {
    const policy = resolvePolicy("internal");
    expect(isPolicyActive(policy)).toBe(false);
    expect(decidePrivacy(findings, policy)).toEqual({ outcome: "send", redact: [], redactions: [], warnings: [] });
  });

  it("external by default: asks about the personal data, and will redact the secret", () => {
    const policy = resolvePolicy("external");
    expect(isPolicyActive(policy)).toBe(true);
    expect(decidePrivacy(findings, policy)).toEqual({
      outcome: "confirm",
      warnings: [
        { type: "email", count: 1 },
        { type: "iban", count: 1 },
      ],
      redactions: [{ type: "secret", count: 1 }],
    });
  });

  it("sends once the user acknowledged at least as many findings of each warned type", () => {
    const policy = resolvePolicy("external");
    const acknowledged = [
      { type: "email" as const, count: 1 },
      { type: "iban" as const, count: 1 },
    ];
    const decision = decidePrivacy(findings, policy, acknowledged);
    expect(decision.outcome).toBe("send");
    if (decision.outcome !== "send") return;
    expect(decision.redact.map((f) => text.slice(f.start, f.end))).toEqual(["sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t"]);
    expect(decision.warnings).toEqual(acknowledged);
    // One more e-mail address than the user saw: asked again.
    const more = detectFindings(`${text} and bob@example.com`);
    expect(decidePrivacy(more, policy, acknowledged).outcome).toBe("confirm");
  });

  it("a model's override: redact personal data, block cards", () => {
    const policy = resolvePolicy("external", { byCategory: { personal: "redact" } });
    const decision = decidePrivacy(findings, policy);
    expect(decision.outcome === "send" && decision.redact.map((f) => f.type)).toEqual(["email", "iban", "secret"]);
    const strict = resolvePolicy("external", { byCategory: { personal: "redact" } }, { byType: { iban: "block" } });
    expect(decidePrivacy(findings, strict)).toEqual({ outcome: "block", blocked: [{ type: "iban", count: 1 }] });
  });

  it("block wins over every other action, and the reason carries types and counts, never values", () => {
    const policy = resolvePolicy("internal", { byCategory: { secret: "block", personal: "warn" } });
    const decision = decidePrivacy(findings, policy);
    expect(decision).toEqual({ outcome: "block", blocked: [{ type: "secret", count: 1 }] });
    expect(JSON.stringify(decision)).not.toContain("sk-proj");
  });

  it("ignores findings below the policy's confidence", () => {
    const loopback = detectFindings("ping 127.0.0.1");
    expect(loopback[0]?.confidence).toBeLessThan(0.6);
    const policy = resolvePolicy("external", { byCategory: { personal: "block" }, minConfidence: 0.6 });
    expect(decidePrivacy(loopback, policy).outcome).toBe("send");
    expect(decidePrivacy(loopback, resolvePolicy("external", { byCategory: { personal: "block" } })).outcome).toBe("block");
  });
});

describe("privacyPolicyOverrideSchema", () => {
  it("accepts partial overrides and refuses unknown actions, types and fields", () => {
    expect(privacyPolicyOverrideSchema.safeParse({ byType: { payment_card: "block" } }).success).toBe(true);
    expect(privacyPolicyOverrideSchema.safeParse({ byCategory: { personal: "ignore" } }).success).toBe(false);
    expect(privacyPolicyOverrideSchema.safeParse({ byType: { passport: "block" } }).success).toBe(false);
    expect(privacyPolicyOverrideSchema.safeParse({ minConfidence: 2 }).success).toBe(false);
    expect(privacyPolicyOverrideSchema.safeParse({ extra: true }).success).toBe(false);
  });
});

describe("describeCounts", () => {
  it("names the findings in words, never their values", () => {
    expect(describeCounts([])).toBe("");
    expect(describeCounts([{ type: "iban", count: 1 }])).toBe("1 IBAN");
    expect(
      describeCounts([
        { type: "email", count: 2 },
        { type: "iban", count: 1 },
        { type: "secret", count: 3 },
      ]),
    ).toBe("2 e-mail addresses, 1 IBAN and 3 secrets (keys, tokens or passwords)");
  });
});
