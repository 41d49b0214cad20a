import type { Page } from "@playwright/test";
import { ADMIN, expect, IDP_USERS, test } from "./fixtures";

// callbackUrl must never send a freshly signed-in user to another site (open redirect).
const FOREIGN_TARGETS = ["https://evil.test", "//evil.test", "/\\evil.test", "https://evil.test/%2F.."];

/** Aborts and records every request to evil.test, so the test sees an attempt even if the browser would follow it. */
async function recordForeignRequests(page: Page) {
  const seen: string[] = [];
  await page.context().route(
    (url) => url.hostname.endsWith("evil.test"),
    (route) => {
      seen.push(route.request().url());
      return route.abort();
    },
  );
  return seen;
}

test.describe("callbackUrl stays on the app", () => {
  for (const target of FOREIGN_TARGETS) {
    test(`local sign-in with callbackUrl=${target}`, async ({ page, baseURL, signInPage, shell }) => {
      const foreign = await recordForeignRequests(page);
      await signInPage.goto({ callbackUrl: target });
      await signInPage.signInWithPassword(ADMIN.email, ADMIN.password);
      await shell.expectSignedInHome();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect(foreign).toEqual([]);
    });
  }

  test("SSO sign-in with callbackUrl=https://evil.test", async ({ page, baseURL, signInPage, shell }) => {
    const foreign = await recordForeignRequests(page);
    await signInPage.goto({ callbackUrl: "https://evil.test" });
    await signInPage.signInWithSso(IDP_USERS.bob.login);
    await shell.expectSignedInHome();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(foreign).toEqual([]);
  });

  test("sign-up with callbackUrl=//evil.test", async ({ page, baseURL, signUpNewUser }) => {
    const foreign = await recordForeignRequests(page);
    await signUpNewUser({ prefix: "redirect", callbackUrl: "//evil.test" });
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(foreign).toEqual([]);
  });

  test("a same-origin callbackUrl is followed", async ({ page, signInPage, shell }) => {
    await signInPage.goto({ callbackUrl: "/admin" });
    await signInPage.signInWithPassword(ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL((url) => url.pathname === "/admin");
    await expect(shell.adminHeading).toBeVisible();
  });
});
