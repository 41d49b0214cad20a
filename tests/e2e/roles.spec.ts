import { ADMIN, expect, test } from "./fixtures";

test.describe("roles of local accounts", () => {
  test("the first account (set up before) is admin", async ({ adminPage }) => {
    await adminPage.goto("/");
    await expect(adminPage.getByRole("link", { name: "Admin", exact: true })).toBeVisible();
    const overview = await adminPage.request.get("/api/admin/overview");
    expect(overview.status()).toBe(200);
    const me = await adminPage.request.get("/api/me");
    expect(await me.json()).toMatchObject({ email: ADMIN.email, role: "admin" });
  });

  test("a second local sign-up is a plain user", async ({ page, shell, db, signUpNewUser }) => {
    const user = await signUpNewUser({ prefix: "second" });

    await expect(shell.welcome).toBeVisible();
    await expect(shell.adminLink).toHaveCount(0);
    expect((await db.findUser(user.email))?.role).toBe("user");

    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: user.email, name: user.name, role: "user" });

    const admin = await page.goto("/admin");
    expect(admin?.status()).toBe(404);
    await expect(shell.adminHeading).toHaveCount(0);

    expect((await page.request.get("/api/admin/overview")).status()).toBe(403);
  });
});
