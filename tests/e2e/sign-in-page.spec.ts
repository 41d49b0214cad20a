import { ADMIN, expect, test } from "./fixtures";
import { SSO_NAME } from "./pages/sign-in";

test.describe("sign-in page", () => {
  test("offers company SSO and local accounts under the agreed names", async ({ page, signInPage }) => {
    await signInPage.goto();
    await expect(signInPage.ssoButton).toHaveAccessibleName(`Sign in with ${SSO_NAME}`);
    await expect(signInPage.ssoButton).toBeVisible();
    await expect(signInPage.email).toBeVisible();
    await expect(signInPage.password).toBeVisible();
    await expect(signInPage.submit).toBeVisible();

    await signInPage.createAccountLink.click();
    await expect(page).toHaveURL((url) => url.pathname === "/sign-up");
  });

  test("a wrong password is refused with a clear message and no session", async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.signInWithPassword(ADMIN.email, "not-the-right-password");
    await expect(signInPage.alert("Email or password is incorrect.")).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });

  test("an unknown email gets the same message as a wrong password", async ({ signInPage, backend }) => {
    await signInPage.goto();
    await signInPage.signInWithPassword(`nobody-${backend.name}@example.com`, "whatever-password-1");
    await expect(signInPage.alert("Email or password is incorrect.")).toBeVisible();
  });

  test("an error code in the address is shown as its message", async ({ signInPage }) => {
    await signInPage.goto({ error: "AccountDisabled" });
    await expect(signInPage.alert("Your account is disabled. Ask your administrator to enable it.")).toBeVisible();
  });
});
