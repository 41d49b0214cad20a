import { expect, IDP_USERS, SESSION_COOKIE, test } from "./fixtures";

// Sign-in through a real OpenID Provider (tests/e2e/oidc/provider.mjs) in the browser: authorization code flow with
// PKCE, state and nonce; the groups claim decides admin (OIDC_ADMIN_GROUPS=chat-admins) and the email domain must
// be allowed (ALLOWED_EMAIL_DOMAINS=example.com).
test.describe("company sign-in (OIDC)", () => {
  test("alice, in the admin group, signs in as admin", async ({ page, signInPage, shell, db }) => {
    await signInPage.goto();
    await signInPage.signInWithSso(IDP_USERS.alice.login);

    await shell.expectSignedInHome();
    await expect(shell.adminLink).toBeVisible();
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: IDP_USERS.alice.email, name: IDP_USERS.alice.name, role: "admin" });
    expect((await db.findUser(IDP_USERS.alice.email))?.role).toBe("admin");

    await shell.adminLink.click();
    await expect(shell.adminHeading).toBeVisible();
  });

  test("bob, without the admin group, signs in as a plain user", async ({ page, signInPage, shell }) => {
    await signInPage.goto();
    await signInPage.signInWithSso(IDP_USERS.bob.login);

    await shell.expectSignedInHome();
    await expect(shell.adminLink).toHaveCount(0);
    const me = await page.request.get("/api/me");
    expect(await me.json()).toMatchObject({ email: IDP_USERS.bob.email, role: "user" });
    expect((await page.goto("/admin"))?.status()).toBe(404);
    expect((await page.request.get("/api/admin/overview")).status()).toBe(403);
  });

  test("mallory, outside the allowed domain, is refused and gets no session", async ({ page, signInPage, db }) => {
    await signInPage.goto();
    await signInPage.signInWithSso(IDP_USERS.mallory.login);

    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    await expect(signInPage.alert("Your email domain is not allowed to sign in here.")).toBeVisible();
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);
    expect((await page.request.get("/api/me")).status()).toBe(401);
    expect(await db.findUser(IDP_USERS.mallory.email)).toBeNull();
  });
});
