import { describe, expect, it } from "vitest";
import { refusedBeforeStoring } from "@/components/chat/chat-error-text";
import { ApiError } from "@/lib/api/errors";
import { privacyAcknowledgedSchema } from "@/lib/privacy/findings-summary";
import { parsePrivacyFindings } from "@/lib/privacy/privacy-findings";

// A privacy refusal travels from the server to the composer as an ApiError body with the findings as types and
// counts; the composer sends the warnings back as the confirmation.

describe("privacy refusals in the API's error contract", () => {
  const findings = { boundary: "external" as const, warnings: [{ type: "email" as const, count: 2 }], redactions: [{ type: "secret" as const, count: 1 }] };

  it("carry their findings through the body and back (409 confirm, 422 block)", async () => {
    const confirm = new ApiError("privacy_confirm", "Send it anyway?", { privacy: findings });
    expect(confirm.status).toBe(409);
    const response = confirm.toResponse();
    const rebuilt = ApiError.fromBody(await response.json());
    expect(rebuilt).toMatchObject({ code: "privacy_confirm", message: "Send it anyway?", privacy: findings });
    expect(new ApiError("privacy_blocked", "Not sent.").status).toBe(422);
  });

  it("ignore a findings field of the wrong shape rather than failing", () => {
    const rebuilt = ApiError.fromBody({ error: { code: "privacy_confirm", message: "x", privacy: { boundary: "moon", warnings: "all" } } });
    expect(rebuilt?.code).toBe("privacy_confirm");
    expect(rebuilt?.privacy).toBeUndefined();
    expect(parsePrivacyFindings({ boundary: "internal", blocked: [{ type: "iban", count: 0 }] })).toBeNull();
  });

  it("read findings as the server sends them and nothing else (checked without zod, which stays out of the page)", () => {
    expect(parsePrivacyFindings({ boundary: "internal", blocked: [{ type: "iban", count: 2 }], extra: true })).toEqual({
      boundary: "internal",
      blocked: [{ type: "iban", count: 2 }],
    });
    expect(parsePrivacyFindings({ boundary: "external" })).toEqual({ boundary: "external" });
    for (const wrong of [
      null,
      [],
      "internal",
      { blocked: [] },
      { boundary: "internal", warnings: null },
      { boundary: "internal", warnings: [{ type: "email", count: 1.5 }] },
      { boundary: "internal", warnings: [{ type: "email", count: 100_001 }] },
      { boundary: "internal", warnings: [{ type: "name", count: 1 }] },
      { boundary: "internal", redactions: [{ type: "email", count: 1, value: "a@b.c" }] },
    ])
      expect(parsePrivacyFindings(wrong), JSON.stringify(wrong)).toBeNull();
  });

  it("leave nothing stored, so the message goes back into the box", () => {
    expect(refusedBeforeStoring(new ApiError("privacy_blocked", "Not sent."))).toBe(true);
    expect(refusedBeforeStoring(new ApiError("privacy_confirm", "Send it anyway?"))).toBe(true);
  });

  it("accept as a confirmation only known types with positive counts", () => {
    expect(privacyAcknowledgedSchema.safeParse([{ type: "email", count: 1 }]).success).toBe(true);
    expect(privacyAcknowledgedSchema.safeParse([{ type: "name", count: 1 }]).success).toBe(false);
    expect(privacyAcknowledgedSchema.safeParse([{ type: "email", count: -1 }]).success).toBe(false);
    expect(privacyAcknowledgedSchema.safeParse([{ type: "email", count: 1, value: "a@b.c" }]).success).toBe(false);
  });
});
