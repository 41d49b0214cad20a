import path from "node:path";
import { expect, test } from "./fixtures";

// Personal API keys on the account page, against the real server: create (shown once), use it on /v1 through the
// real proxy, revoke with a confirmation, and the key stops working. The database does not matter: SQLite only.

const SCREENSHOT_DIR = path.resolve(__dirname, "../../test-results/screenshots");

test.describe("API keys on the account page", () => {
  test.skip(({ backend }) => backend.name !== "sqlite", "the flow does not depend on the database");

  test("create a key, use it on /v1, revoke it", async ({ page, signUpNewUser }) => {
    await signUpNewUser({ prefix: "apikeys" });
    await page.goto("/account");
    const section = page.getByRole("region", { name: "API keys" });
    await expect(section.getByText(/\/v1$/)).toBeVisible();

    await section.getByLabel("Name").fill("My laptop");
    await section.getByLabel("Expires after").selectOption("30");
    await section.getByRole("checkbox", { name: /Save to my history/ }).check();
    await section.getByRole("button", { name: "Create key" }).click();

    const value = (await section.getByTestId("new-api-key-value").textContent()) ?? "";
    expect(value).toMatch(/^sk-chat-[A-Za-z0-9_-]{43}$/);
    await expect(section.getByTestId("api-key-row")).toHaveCount(1);
    await expect(section.getByTestId("api-key-row")).toContainText("My laptop");
    await expect(section.getByTestId("api-key-row")).toContainText(value.slice(0, 14));
    await expect(section.getByTestId("api-key-row")).toContainText("Saved to history");

    // The session cookie alone does not authenticate /v1 (and the proxy does not redirect it to sign-in).
    const withCookieOnly = await page.request.get("/v1/models");
    expect(withCookieOnly.status()).toBe(401);
    expect(await withCookieOnly.json()).toMatchObject({ error: { type: "authentication_error", code: "invalid_api_key" } });
    const withKey = await page.request.get("/v1/models", { headers: { authorization: `Bearer ${value}` } });
    expect(withKey.status()).toBe(200);
    expect(await withKey.json()).toMatchObject({ object: "list" });

    await section.getByRole("button", { name: "I have copied it" }).click();
    await expect(section.getByTestId("new-api-key")).toHaveCount(0);
    await page.reload();
    await expect(section.getByTestId("api-key-row")).toContainText("My laptop");
    expect(await page.content()).not.toContain(value);

    await section.getByRole("button", { name: "Revoke My laptop" }).click();
    const dialog = page.getByRole("alertdialog", { name: /Revoke/ });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await expect(dialog).toBeHidden();
    await expect(section.getByTestId("api-key-row")).toContainText("Revoked");
    await expect(section.getByRole("button", { name: "Revoke My laptop" })).toHaveCount(0);

    const afterRevoke = await page.request.get("/v1/models", { headers: { authorization: `Bearer ${value}` } });
    expect(afterRevoke.status()).toBe(401);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`screenshot ${colorScheme}`, { tag: "@visual" }, async ({ browser, baseURL, backend }) => {
      const context = await browser.newContext({ baseURL, colorScheme, viewport: { width: 1280, height: 900 }, storageState: backend.adminStorageState });
      const page = await context.newPage();
      await page.goto("/account");
      const section = page.getByRole("region", { name: "API keys" });
      await section.getByLabel("Name").fill(`Notebook ${colorScheme}`);
      await section.getByRole("button", { name: "Create key" }).click();
      await expect(section.getByTestId("new-api-key")).toBeVisible();
      await section.screenshot({ path: path.join(SCREENSHOT_DIR, `${backend.name}-account-api-keys-${colorScheme}-desktop.png`) });
      await context.close();
    });
  }
});
