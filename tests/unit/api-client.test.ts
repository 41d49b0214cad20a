import { afterEach, describe, expect, it, vi } from "vitest";
import { apiFetch, apiResponse, apiResult } from "@/lib/api/client";
import { ApiError } from "@/lib/api/errors";

// The browser's one way to call the API: the server's error body comes back as the same ApiError, a dead network
// as network_error, and anything else (a proxy's page) as a message naming the status or the caller's fallback.

function answer(response: Response) {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => response);
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe("apiFetch", () => {
  it("sends JSON, never cached, and returns the answer's JSON (null for an empty answer)", async () => {
    const fetch = answer(Response.json({ saved: true }));
    expect(await apiFetch("/api/thing", { method: "PUT", body: { days: 30 } })).toEqual({ saved: true });
    const [path, init] = fetch.mock.calls[0] ?? [];
    expect(path).toBe("/api/thing");
    expect(init).toMatchObject({ method: "PUT", cache: "no-store", headers: { "content-type": "application/json" }, body: '{"days":30}' });

    answer(new Response(null, { status: 204 }));
    expect(await apiFetch("/api/thing", { method: "DELETE" })).toBeNull();
  });

  it("rebuilds the server's ApiError with its code, message and reset time", async () => {
    const resetsAt = "2026-11-20T14:32:00.000Z";
    answer(Response.json({ error: { code: "quota_exceeded", message: "Try again at 14:32 UTC.", retryAfterMs: 5_000, resetsAt } }, { status: 429 }));
    const error = await apiFetch("/api/chat").catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "quota_exceeded", message: "Try again at 14:32 UTC.", retryAfterMs: 5_000, resetsAt: new Date(resetsAt) });
  });

  it("names the status for an answer that is not ours, or says the caller's fallback", async () => {
    answer(new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(apiFetch("/api/thing")).rejects.toMatchObject({ code: "internal", message: "The server answered 502. Try again." });
    answer(new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(apiFetch("/api/thing", { fallback: "The setting could not be saved." })).rejects.toMatchObject({
      message: "The setting could not be saved.",
    });
  });

  it("turns a network failure into network_error and rethrows an abort as it is", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    await expect(apiFetch("/api/thing")).rejects.toMatchObject({ code: "network_error" });
    const abort = new DOMException("The operation was aborted.", "AbortError");
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(abort));
    await expect(apiFetch("/api/thing")).rejects.toBe(abort);
  });
});

describe("apiResponse", () => {
  it("hands back a 2xx Response with its body unread (a stream, a download, a 204)", async () => {
    answer(new Response("data: {}\n\n", { headers: { "content-type": "text/event-stream" } }));
    const response = await apiResponse("/api/chat/c1/stream");
    expect(await response.text()).toBe("data: {}\n\n");
    answer(new Response(null, { status: 204 }));
    expect((await apiResponse("/api/chat/c1/stream")).status).toBe(204);
  });

  it("throws the same ApiError as apiFetch for a refusal", async () => {
    answer(Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 }));
    await expect(apiResponse("/api/chat/c1/stream")).rejects.toMatchObject({ code: "not_found", message: "Not found." });
  });
});

describe("apiResult", () => {
  it("gives the outcome as a value: the answer, or the error with its message", async () => {
    answer(Response.json({ users: [] }));
    expect(await apiResult("/api/admin/quotas/user-search?q=a")).toEqual({ ok: true, value: { users: [] } });
    answer(Response.json({ error: { code: "bad_request", message: "Type at least two characters." } }, { status: 400 }));
    expect(await apiResult("/api/admin/quotas/user-search?q=a")).toMatchObject({
      ok: false,
      message: "Type at least two characters.",
      error: { code: "bad_request" },
    });
  });
});
