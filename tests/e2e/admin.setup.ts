import { ADMIN, expect, test as setup } from "./fixtures";

// Runs once per database before the specs (project "setup-sqlite" / "setup-postgres"): the first local account on
// an empty install becomes admin. The signed-in state is saved for the specs that act as that admin.
setup("the first local account becomes admin", async ({ page, db, signUpPage, signInPage, shell, backend }) => {
  if (await db.findUser(ADMIN.email)) {
    // Only when this setup is retried after it had created the account.
    await signInPage.goto();
    await signInPage.signInWithPassword(ADMIN.email, ADMIN.password);
  } else {
    expect(await db.countUsers(), "the setup project must sign up the first account of an empty database").toBe(0);
    await signUpPage.goto();
    await signUpPage.createAccount(ADMIN);
  }

  await shell.expectSignedInHome();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(shell.adminLink).toBeVisible();

  await shell.adminLink.click();
  await expect(shell.adminHeading).toBeVisible();

  const me = await page.request.get("/api/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: ADMIN.email, name: ADMIN.name, role: "admin" });
  expect((await db.findUser(ADMIN.email))?.role).toBe("admin");

  await page.context().storageState({ path: backend.adminStorageState });
});
