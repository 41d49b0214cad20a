import type { APIResponse } from "@playwright/test";
import { ADMIN, expect, expectUnauthorizedJson, IDP_USERS, SESSION_COOKIE, test } from "./fixtures";

// Without a live session nothing protected comes back: not with the headers that once let requests skip Next.js
// middleware (CVE-2025-29927), not as a React Server Components payload, not with a forged cookie.
const BYPASS_ATTEMPTS: { name: string; headers: Record<string, string>; query?: string }[] = [
  { name: "no special header", headers: {} },
  { name: "x-middleware-subrequest: middleware", headers: { "x-middleware-subrequest": "middleware" } },
  {
    name: "x-middleware-subrequest: middleware x5",
    headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  },
  { name: "x-middleware-subrequest: proxy x5", headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } },
  { name: "RSC: 1 with ?_rsc=1", headers: { RSC: "1" }, query: "?_rsc=1" },
  { name: "forged session cookie", headers: { Cookie: `${SESSION_COOKIE}=forged-value` } },
];

const PROTECTED_MARKERS = [ADMIN.email, ADMIN.name, IDP_USERS.alice.email, "Administration", "Welcome"];

function expectNoProtectedData(body: string) {
  for (const marker of PROTECTED_MARKERS) expect(body, `the response must not contain ${marker}`).not.toContain(marker);
}

/** A redirect to /sign-in: an HTTP redirect, or (had rendering started) Next's in-page redirect to it. */
async function expectSignInRedirect(response: APIResponse, baseURL: string) {
  const body = await response.text();
  expectNoProtectedData(body);
  if (response.status() >= 300 && response.status() < 400) {
    const location = new URL(response.headers().location ?? "", baseURL);
    expect(location.origin).toBe(new URL(baseURL).origin);
    expect(location.pathname).toBe("/sign-in");
  } else {
    expect(response.status(), `expected a redirect to /sign-in, got ${response.status()}`).toBe(200);
    expect(body).toMatch(/NEXT_REDIRECT[^"]*\/sign-in|http-equiv="refresh"[^>]*\/sign-in/);
  }
}

test.describe("without a session", () => {
  test("pages redirect to sign-in in the browser", async ({ page, signInPage }) => {
    await page.goto("/");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    await expect(signInPage.submit).toBeVisible();

    await page.goto("/admin");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("callbackUrl") === "/admin");
  });

  for (const attempt of BYPASS_ATTEMPTS) {
    test(`no protected data with ${attempt.name}`, async ({ request, baseURL }) => {
      const options = { headers: attempt.headers, maxRedirects: 0 };
      const query = attempt.query ?? "";
      await expectSignInRedirect(await request.get(`/${query}`, options), baseURL!);
      await expectSignInRedirect(await request.get(`/admin${query}`, options), baseURL!);
      await expectUnauthorizedJson(await request.get(`/api/me${query}`, options));
      await expectUnauthorizedJson(await request.get(`/api/admin/overview${query}`, options));
      // The chat: pages and every route, including the ones that would call a model.
      const conversationId = "0b7c2a4e-5d6f-4a8b-9c0d-1e2f3a4b5c6d";
      await expectSignInRedirect(await request.get(`/c/${conversationId}${query}`, options), baseURL!);
      await expectUnauthorizedJson(await request.get(`/api/conversations${query}`, options));
      await expectUnauthorizedJson(await request.get(`/api/models${query}`, options));
      await expectUnauthorizedJson(await request.get(`/api/chat/${conversationId}/stream${query}`, options));
      await expectUnauthorizedJson(await request.post(`/api/chat/${conversationId}/stop${query}`, options));
      const message = { conversationId, modelId: "demo-gpt-4o", message: { id: "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f", text: "Hello" } };
      await expectUnauthorizedJson(await request.post(`/api/chat${query}`, { ...options, data: message }));
    });
  }

  test("health answers without auth and sets no cookie", async ({ request }) => {
    const response = await request.get("/api/health", { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie")).toEqual([]);
  });
});
