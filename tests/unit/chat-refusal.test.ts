import { describe, expect, it } from "vitest";
import { chatErrorText, refusedBeforeStoring } from "@/components/chat/chat-error-text";
import { ApiError, type ApiErrorCode } from "@/lib/api/errors";

// The chat transport rebuilds the server's error body as an ApiError; these are what useChat then holds.
const apiError = (code: ApiErrorCode, message = "Nope.") => new ApiError(code, message);

describe("refusedBeforeStoring", () => {
  it("is true for the refusals that store nothing: quota, model, busy, bad input", () => {
    for (const code of ["quota_exceeded", "model_unavailable", "busy", "bad_request", "payload_too_large"] as const) {
      expect(refusedBeforeStoring(apiError(code)), code).toBe(true);
    }
  });

  it("is false when the question was stored (the backend rate-limited it) or the failure is not the API's", () => {
    expect(refusedBeforeStoring(apiError("rate_limited"))).toBe(false);
    expect(refusedBeforeStoring(apiError("duplicate_message"))).toBe(false);
    expect(refusedBeforeStoring(new TypeError("Failed to fetch"))).toBe(false);
    expect(refusedBeforeStoring(apiError("network_error"))).toBe(false);
    expect(refusedBeforeStoring(new Error(JSON.stringify({ error: { code: "busy", message: "Nope." } })))).toBe(false);
    expect(refusedBeforeStoring(new Error("<html>Bad gateway</html>"))).toBe(false);
    expect(refusedBeforeStoring(undefined)).toBe(false);
  });

  it("keeps the server's words for the reason", () => {
    expect(chatErrorText(apiError("quota_exceeded", "You have reached your limit of 1 request per minute. Try again at 10:01 UTC."))).toBe(
      "You have reached your limit of 1 request per minute. Try again at 10:01 UTC.",
    );
  });
});
