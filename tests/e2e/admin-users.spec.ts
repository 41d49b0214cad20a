import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, uniqueEmail } from "./fixtures";
import { AdminUsersPage, createUserThroughApi } from "./pages/admin-users";
import { AppShell } from "./pages/app-shell";
import { SignInPage } from "./pages/sign-in";

// The admin console's Users, Groups and sign-up settings, as an admin uses them.

const SCREENSHOT_DIR = path.resolve(__dirname, "../../test-results/screenshots");

async function expectNoSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

test.describe("admin: users", () => {
  test("search finds a user by name and by email, and says so when nobody matches", async ({ adminPage, backend }) => {
    const email = uniqueEmail("findme", backend.name);
    const name = `Zelda ${email.slice(7, 17)}`;
    await createUserThroughApi(adminPage, email, name);
    const users = new AdminUsersPage(adminPage);
    await users.goto();
    await users.searchFor(name);
    await expect(users.rows).toHaveCount(1);
    await expect(users.row(email)).toContainText(name);
    await users.searchFor(email);
    await expect(users.rows).toHaveCount(1);
    await users.searchFor(`nobody-${email}`);
    await expect(adminPage.getByText("No users match these filters.")).toBeVisible();
  });

  test("promote to admin and back", async ({ adminPage, backend, db }) => {
    const email = uniqueEmail("promote", backend.name);
    await createUserThroughApi(adminPage, email, "Promote Me");
    const users = new AdminUsersPage(adminPage);
    await users.goto(email);
    await users.act(email, "Make admin");
    await expect(users.notice).toHaveText(`${email} is now an admin.`);
    await expect.poll(async () => (await db.findUser(email))?.role).toBe("admin");
    await users.act(email, "Remove admin role");
    await expect(users.notice).toHaveText(`${email} is no longer an admin.`);
    await expect.poll(async () => (await db.findUser(email))?.role).toBe("user");
  });

  test("disabling a signed-in user signs them out on their next request", async ({ page, adminPage, signUpNewUser, db }) => {
    test.setTimeout(90_000);
    const account = await signUpNewUser({ prefix: "disable" });
    const users = new AdminUsersPage(adminPage);
    await users.goto(account.email);
    await users.act(account.email, "Disable…");
    const dialog = adminPage.getByRole("alertdialog", { name: "Disable this user?" });
    await expect(dialog).toContainText(account.email);
    await dialog.getByRole("button", { name: "Disable user" }).click();
    await expect(users.notice).toHaveText(`${account.email} is disabled and signed out.`);
    await expect(users.row(account.email)).toContainText("Disabled");
    expect((await db.findUser(account.email))?.status).toBe("disabled");

    await page.reload();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/me")).status()).toBe(401);

    await users.act(account.email, "Enable");
    await expect(users.notice).toHaveText(`${account.email} is enabled.`);
  });

  test("delete asks for the email typed out, then removes the user", async ({ adminPage, backend, db }) => {
    const email = uniqueEmail("delete", backend.name);
    await createUserThroughApi(adminPage, email, "Delete Me");
    const users = new AdminUsersPage(adminPage);
    await users.goto(email);
    await users.act(email, "Delete…");
    const dialog = adminPage.getByRole("alertdialog", { name: "Delete this user and all their data?" });
    const confirm = dialog.getByRole("button", { name: "Delete user" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type .* to confirm/).fill("someone-else@example.com");
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type .* to confirm/).fill(email);
    await confirm.click();
    await expect(users.notice).toHaveText(`${email} and their data are deleted.`);
    await expect(users.rows).toHaveCount(0);
    expect(await db.findUser(email)).toBeNull();
  });

  test("add a local account with a generated password, and sign in with it", async ({ adminPage, browser, baseURL, backend }) => {
    test.setTimeout(90_000);
    const email = uniqueEmail("added", backend.name);
    const users = new AdminUsersPage(adminPage);
    await users.goto();
    await adminPage.getByRole("button", { name: "Add user" }).click();
    const dialog = adminPage.getByRole("dialog", { name: "Add a user" });
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Name").fill("Added Person");
    await dialog.getByRole("button", { name: "Add user" }).click();
    const done = adminPage.getByRole("dialog", { name: "User added" });
    const password = await done.getByLabel(/Initial password/).inputValue();
    expect(password.length).toBeGreaterThanOrEqual(16);
    await done.getByRole("button", { name: "Done" }).click();

    const context = await browser.newContext({ baseURL });
    const signIn = new SignInPage(await context.newPage());
    await signIn.goto();
    await signIn.signInWithPassword(email, password);
    await new AppShell(signIn.page).expectSignedInHome();
    await context.close();
  });

  test("a local group mapped to admin makes its new member an admin", async ({ adminPage, backend, db }) => {
    const email = uniqueEmail("grouped", backend.name);
    await createUserThroughApi(adminPage, email, "Group Member");
    const groupName = `e2e-${backend.name}-${Date.now().toString(36)}`;
    await adminPage.goto("/admin/groups");
    await adminPage.getByLabel("Group name").fill(groupName);
    await adminPage.getByRole("button", { name: "Create group" }).click();
    const card = adminPage.getByTestId("group-card").filter({ has: adminPage.getByRole("heading", { name: groupName }) });
    await expect(card).toContainText("Local group · 0 members");

    await card.getByLabel("Role for members").selectOption("admin");
    await expect(card.getByRole("status")).toHaveText("Saved");
    await card.getByRole("button", { name: "Members" }).click();
    await expect(card.getByText("No members yet.")).toBeVisible();
    await card.getByLabel("Add a member").fill(email);
    await card.getByRole("button", { name: "Find" }).click();
    await card.getByRole("button", { name: `Add ${email}` }).click();
    await expect(card.getByRole("list", { name: `Members of ${groupName}` })).toContainText(email);
    await expect.poll(async () => (await db.findUser(email))?.role).toBe("admin");
    await expect(card).toContainText("1 member");
  });

  test("the sign-up settings form saves the domain list and shows it again", async ({ adminPage }) => {
    const original = await (await adminPage.request.get("/api/admin/settings/access")).json();
    try {
      await adminPage.goto("/admin/settings");
      const section = adminPage.getByRole("region", { name: "Sign-up and approval" });
      // A superset of the test servers' list (example.com), so no other spec's sign-in changes meanwhile.
      await section.getByLabel("Allowed email domains").fill("Example.com, example.org");
      await expect(section.getByLabel("New company sign-ins need approval")).not.toBeChecked();
      await section.getByRole("button", { name: "Save sign-up rules" }).click();
      await expect(section.getByRole("status")).toHaveText("Saved");
      await adminPage.goto("/admin/settings");
      await expect(adminPage.getByLabel("Allowed email domains")).toHaveValue("example.com, example.org");

      await adminPage.getByLabel("Allowed email domains").fill("not a domain");
      await adminPage.getByRole("button", { name: "Save sign-up rules" }).click();
      await expect(adminPage.getByRole("alert").filter({ hasText: "is not a domain name" })).toBeVisible();
    } finally {
      const restore = await adminPage.request.put("/api/admin/settings/access", {
        data: { allowedEmailDomains: original.allowedEmailDomains.join(","), requireApproval: original.requireApproval },
      });
      expect(restore.status()).toBe(200);
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`pages pass an axe scan (${colorScheme}); screenshots`, { tag: "@visual" }, async ({ browser, baseURL, backend }) => {
      test.setTimeout(240_000);
      for (const [device, viewport] of [
        ["desktop", { width: 1280, height: 800 }],
        ["phone", { width: 390, height: 844 }],
      ] as const) {
        const context = await browser.newContext({ baseURL, colorScheme, viewport, storageState: backend.adminStorageState });
        const page = await context.newPage();
        const shot = (name: string) =>
          page.screenshot({ path: path.join(SCREENSHOT_DIR, `${backend.name}-${name}-${colorScheme}-${device}.png`), fullPage: true });
        await page.goto("/admin/users");
        await expect(page.getByTestId("user-row").first()).toBeVisible();
        if (device === "desktop") await expectNoSeriousViolations(page, `users ${colorScheme}`);
        await shot("admin-users");
        await page.getByRole("button", { name: "Add user" }).click();
        await expect(page.getByRole("dialog", { name: "Add a user" })).toBeVisible();
        if (device === "desktop") await expectNoSeriousViolations(page, `add user ${colorScheme}`);
        await page.keyboard.press("Escape");
        await page
          .getByTestId("user-row")
          .first()
          .getByRole("button", { name: /^Actions for/ })
          .click();
        await expect(page.getByRole("menu")).toBeVisible();
        if (device === "desktop") await expectNoSeriousViolations(page, `user menu ${colorScheme}`);
        await page.keyboard.press("Escape");

        await page.goto("/admin/groups");
        await expect(page.getByRole("heading", { name: "Groups", exact: true })).toBeVisible();
        const firstGroup = page.getByTestId("group-card").first();
        if (await firstGroup.isVisible()) await firstGroup.getByRole("button", { name: "Members" }).click();
        if (device === "desktop") await expectNoSeriousViolations(page, `groups ${colorScheme}`);
        await shot("admin-groups");

        await page.goto("/admin/settings");
        await expect(page.getByRole("region", { name: "Sign-up and approval" })).toBeVisible();
        if (device === "desktop") await expectNoSeriousViolations(page, `settings ${colorScheme}`);
        await context.close();

        const anonymous = await browser.newContext({ baseURL, colorScheme, viewport });
        const pending = await anonymous.newPage();
        await pending.goto("/sign-in/pending");
        await expect(pending.getByRole("heading", { name: "Waiting for approval" })).toBeVisible();
        if (device === "desktop") await expectNoSeriousViolations(pending, `pending ${colorScheme}`);
        await pending.screenshot({ path: path.join(SCREENSHOT_DIR, `${backend.name}-pending-approval-${colorScheme}-${device}.png`), fullPage: true });
        await anonymous.close();
      }
    });
  }
});
