import { describe, expect, it } from "vitest";
import { errorFromResponse, retryAfterFrom } from "@/lib/ai/providers/http-errors";

const ctx = { provider: "test", secrets: ["sk-very-secret-key"] };

describe("retryAfterFrom", () => {
  it("prefers retry-after-ms, then retry-after seconds, then an HTTP date, then Azure's message", () => {
    expect(retryAfterFrom(new Headers({ "retry-after-ms": "1500", "retry-after": "9" }), undefined)).toBe(1500);
    expect(retryAfterFrom(new Headers({ "retry-after": "6" }), undefined)).toBe(6000);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(retryAfterFrom(new Headers({ "retry-after": inTenSeconds }), undefined)).toBeGreaterThan(8_000);
    expect(retryAfterFrom(new Headers(), "… Please retry after 45 seconds.")).toBe(45_000);
    expect(retryAfterFrom(new Headers(), "slow down")).toBeUndefined();
  });
});

describe("errorFromResponse", () => {
  it("maps statuses to codes", () => {
    const code = (status: number, body = "") => errorFromResponse(ctx, status, new Headers(), body).code;

    expect([401, 403].map((s) => code(s))).toEqual(["auth", "auth"]);
    expect(code(404)).toBe("not_found");
    expect([400, 413, 422].map((s) => code(s))).toEqual(["bad_request", "bad_request", "bad_request"]);
    expect(code(408)).toBe("timeout");
    expect(code(429)).toBe("rate_limited");
    expect([424, 500, 502, 503, 530].map((s) => code(s))).toEqual(["unavailable", "unavailable", "unavailable", "unavailable", "unavailable"]);
  });

  it("recognises a filtered prompt by code or by the inner code, with either spelling", () => {
    const withCode = JSON.stringify({ error: { code: "content_filter", message: "filtered" } });
    const innerOnly = JSON.stringify({ error: { code: "BadRequest", inner_error: { code: "ResponsibleAIPolicyViolation" } } });

    expect(errorFromResponse(ctx, 400, new Headers(), withCode).code).toBe("content_filter");
    expect(errorFromResponse(ctx, 400, new Headers(), innerOnly).code).toBe("content_filter");
  });

  it("keeps secrets echoed by an upstream out of every message", () => {
    const body = JSON.stringify({ error: { message: "bad header api-key: sk-very-secret-key, Authorization: Bearer abcdefghijklmnop" } });
    const error = errorFromResponse(ctx, 401, new Headers(), body);

    expect(error.adminMessage).not.toContain("sk-very-secret-key");
    expect(error.adminMessage).not.toContain("abcdefghijklmnop");
    expect(error.userMessage).not.toContain("bad header");
  });

  it("bounds the admin message for huge bodies", () => {
    const error = errorFromResponse(ctx, 500, new Headers(), JSON.stringify({ message: "x".repeat(10_000) }));

    expect(error.adminMessage.length).toBeLessThan(400);
  });
});
