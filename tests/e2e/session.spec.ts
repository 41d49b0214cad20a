import { expect, SESSION_COOKIE, test } from "./fixtures";

// Sessions are database rows and every request re-reads the session and its user: sign-out, disabling and role
// changes take effect on the very next request.
test.describe("sessions", () => {
  test("sign out revokes the session on the server, not just the cookie", async ({ page, browser, baseURL, shell, signUpNewUser }) => {
    await signUpNewUser({ prefix: "signout" });
    const cookie = (await page.context().cookies()).find((candidate) => candidate.name === SESSION_COOKIE);
    expect(cookie, `a ${SESSION_COOKIE} cookie after sign-up`).toBeDefined();

    // The same cookie replayed from another browser works while the session lives...
    const replay = await browser.newContext({ baseURL });
    await replay.addCookies([cookie!]);
    expect((await replay.request.get("/api/me")).status()).toBe(200);

    await shell.signOut();
    expect((await page.request.get("/api/me")).status()).toBe(401);

    // ...and is refused once the user signed out, though the browser still sends it.
    const afterSignOut = await replay.request.get("/api/me");
    expect(afterSignOut.status()).toBe(401);
    const replayPage = await replay.newPage();
    await replayPage.goto("/");
    await expect(replayPage).toHaveURL((url) => url.pathname === "/sign-in");
    await replay.close();
  });

  test("a disabled user is signed out on the very next request", async ({ page, db, signUpNewUser }) => {
    const user = await signUpNewUser({ prefix: "disabled" });
    expect((await page.request.get("/api/me")).status()).toBe(200);

    await db.setUserStatus(user.email, "disabled");

    expect((await page.request.get("/api/me")).status()).toBe(401);
    await page.goto("/");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  });

  test("a role change takes effect on the next request", async ({ page, shell, db, signUpNewUser }) => {
    const user = await signUpNewUser({ prefix: "role" });

    await db.setUserRole(user.email, "admin");
    await page.goto("/admin");
    await expect(shell.adminHeading).toBeVisible();
    expect((await page.request.get("/api/admin/overview")).status()).toBe(200);

    await db.setUserRole(user.email, "user");
    expect((await page.goto("/admin"))?.status()).toBe(404);
    await expect(shell.adminHeading).toHaveCount(0);
    expect((await page.request.get("/api/admin/overview")).status()).toBe(403);
    await page.goto("/");
    await expect(shell.adminLink).toHaveCount(0);
  });

  test("authenticated API answers are never cached", async ({ adminPage }) => {
    const me = await adminPage.request.get("/api/me");
    expect(me.status()).toBe(200);
    expect(me.headers()["cache-control"]).toContain("no-store");
    const overview = await adminPage.request.get("/api/admin/overview");
    expect(overview.headers()["cache-control"]).toContain("no-store");
  });
});
