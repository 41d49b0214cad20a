import { readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ADMIN, expect, test } from "./fixtures";
import { AccountPage } from "./pages/account";
import { AppShell } from "./pages/app-shell";
import { AuditLogPage } from "./pages/audit-log";
import { ChatPage } from "./pages/chat";
import { SignInPage } from "./pages/sign-in";
import { FAKE_REPLIES } from "./support/fake-backends";
import { DEMO_MODELS } from "./support/models-file";

// The audit log, the retention setting and a user's own data, in the browser. The retention setting is
// installation-wide: every test that changes it puts it back to "off" (the default) in a finally block.

const SCREENSHOT_DIR = path.resolve(__dirname, "../../test-results/screenshots");
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

async function expectNoSeriousViolations(page: Page, name: string, { only, skip }: { only?: string; skip?: string } = {}) {
  const builder = new AxeBuilder({ page });
  // The settings page holds other teams' sections too: scan only ours there.
  if (only) builder.include(only);
  if (skip) builder.exclude(skip);
  const results = await builder.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

async function turnRetentionOff(page: Page) {
  const response = await page.request.put("/api/admin/settings/retention", { data: { days: null } });
  expect(response.status()).toBe(200);
}

test("the admin sets retention, and finds it and a user's sign-in in the audit log with filters", async ({ adminPage, browser, baseURL, signUpNewUser }) => {
  test.setTimeout(90_000);
  const userContext = await browser.newContext({ baseURL });
  const account = await signUpNewUser({ page: await userContext.newPage(), prefix: "audited" });
  await userContext.close();

  try {
    await adminPage.goto("/admin/settings");
    const retention = adminPage.getByRole("region", { name: "Retention" });
    await retention.getByRole("checkbox", { name: "Delete old conversations automatically" }).check();
    await retention.getByLabel("Delete conversations not updated for (days)").fill("3650");
    await retention.getByRole("button", { name: "Save retention" }).click();
    await expect(retention.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(retention.getByTestId("retention-last-run")).toContainText("Conversations idle for 3650 days are deleted.");
    await adminPage.reload();
    await expect(retention.getByLabel("Delete conversations not updated for (days)")).toHaveValue("3650");

    const validation = retention.getByLabel("Delete conversations not updated for (days)");
    await validation.fill("0");
    await retention.getByRole("button", { name: "Save retention" }).click();
    await expect(retention.getByRole("alert").filter({ hasText: "from 1 to 3650" })).toBeVisible();

    const audit = new AuditLogPage(adminPage);
    await audit.goto();
    await audit.action.selectOption({ label: "Setting changed" });
    await audit.actor.fill(ADMIN.email);
    await audit.apply.click();
    await expect(adminPage).toHaveURL(/action=settings\.changed/);
    const change = audit.rows.filter({ hasText: "retention.days" }).first();
    await expect(change).toContainText("Setting changed");
    await expect(change).toContainText(ADMIN.name);
    await expect(change).toContainText("to: 3650");
    await expect(change.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    await expect(audit.rows.filter({ hasNotText: "Setting changed" })).toHaveCount(0);

    await audit.goto();
    await audit.actor.fill(account.email);
    await audit.apply.click();
    await expect(audit.rows.filter({ hasText: "Signed in" })).toHaveCount(1);
    await expect(audit.rows.filter({ hasText: "Signed up" })).toHaveCount(1);
    await expect(audit.rows.first()).toContainText(/Chrome|Chromium/);

    const today = new Date().toISOString().slice(0, 10);
    await audit.goto(`?actor=${encodeURIComponent(account.email)}&from=2000-01-01&to=2000-01-02`);
    await expect(adminPage.getByRole("status").filter({ hasText: "No entries match these filters." })).toBeVisible();
    await audit.goto(`?actor=${encodeURIComponent(account.email)}&from=${today}&to=${today}`);
    await expect(audit.rows).toHaveCount(2);

    const csv = await adminPage.request.get(`/api/admin/audit?format=csv&actor=${encodeURIComponent(account.email)}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('"auth.sign_in","Signed in"');
  } finally {
    await turnRetentionOff(adminPage);
  }
});

test("a plain user cannot open the audit log or its API", async ({ page, signUpNewUser }) => {
  await signUpNewUser({ prefix: "not-admin" });
  expect((await page.goto("/admin/audit"))?.status()).toBe(404);
  expect((await page.request.get("/api/admin/audit")).status()).toBe(403);
  expect((await page.request.put("/api/admin/settings/retention", { data: { days: 1 } })).status()).toBe(403);
});

test("a user downloads all their data, then deletes their conversations", async ({ page, signUpNewUser }) => {
  test.setTimeout(90_000);
  const account = await signUpNewUser({ prefix: "own-data" });
  const chat = new ChatPage(page);
  await chat.ask("What is deep learning?", { model: DEMO_MODELS.vllm.name });
  await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);

  await new AppShell(page).openAccountMenu();
  await page.getByRole("menuitem", { name: "Your account" }).click();
  const accountPage = new AccountPage(page);
  await expect(accountPage.heading).toBeVisible();
  await expect(accountPage.counts).toContainText("1 conversation · 2 messages");

  const downloaded = page.waitForEvent("download");
  await accountPage.download.click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^my-chat-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile(await download.path(), "utf8")) as {
    profile: { email: string; name: string };
    conversations: { messages: { role: string; text: string }[] }[];
    usage: unknown[];
  };
  expect(data.profile).toMatchObject({ email: account.email, name: account.name });
  expect(data.conversations).toHaveLength(1);
  expect(data.conversations[0]?.messages.map((message) => [message.role, message.text])).toEqual([
    ["user", "What is deep learning?"],
    ["assistant", FAKE_REPLIES.vllm],
  ]);
  expect(data.usage.length).toBeGreaterThan(0);
  await expect(page.getByRole("status").filter({ hasText: "Your download has started." })).toBeVisible();

  await expect(accountPage.deleteConversations).toBeDisabled();
  await accountPage.deleteConversationsConfirm.fill("DELETE");
  await accountPage.deleteConversations.click();
  await expect(page.getByRole("status").filter({ hasText: "Deleted 1 conversation." })).toBeVisible();
  await expect(accountPage.counts).toContainText("0 conversations · 0 messages");
  await expect(chat.conversations.getByRole("link", { name: /deep learning/i })).toHaveCount(0);
});

// Refusing the last admin is covered by tests/integration/account-data.test.ts: here other specs share the admin.
test("a user deletes their account and is signed out", async ({ page, signUpNewUser }) => {
  const account = await signUpNewUser({ prefix: "leaving" });
  const accountPage = new AccountPage(page);
  await accountPage.goto();
  await accountPage.deleteAccountConfirm.fill("someone-else@example.com");
  await expect(accountPage.deleteAccount).toBeDisabled();
  await accountPage.deleteAccountConfirm.fill(account.email);
  await accountPage.deleteAccount.click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  expect((await page.request.get("/api/me")).status()).toBe(401);
  const signIn = new SignInPage(page);
  await signIn.signInWithPassword(account.email, account.password);
  await expect(signIn.alert("Email or password is incorrect.")).toBeVisible();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`audit log, retention and account pages pass axe and are captured (${colorScheme})`, { tag: "@visual" }, async ({
    browser,
    baseURL,
    backend,
    signUpNewUser,
  }) => {
    test.setTimeout(120_000);
    const file = (name: string, device: string) => path.join(SCREENSHOT_DIR, `${backend.name}-${name}-${colorScheme}-${device}.png`);
    for (const [device, options] of Object.entries(DEVICES)) {
      const admin = await browser.newContext({ baseURL, colorScheme, ...options, storageState: backend.adminStorageState });
      const page = await admin.newPage();
      const audit = new AuditLogPage(page);
      await audit.goto();
      await expect(audit.rows.first()).toBeVisible();
      if (device === "desktop") await expectNoSeriousViolations(page, `audit log (${colorScheme})`);
      await page.screenshot({ path: file("admin-audit", device), fullPage: device === "desktop" });

      await page.goto("/admin/settings");
      const retention = page.getByRole("region", { name: "Retention" });
      await expect(retention.getByRole("button", { name: "Save retention" })).toBeVisible();
      if (device === "desktop") await expectNoSeriousViolations(page, `settings (${colorScheme})`, { only: 'section[aria-labelledby="settings-retention"]' });
      await retention.scrollIntoViewIfNeeded();
      await retention.screenshot({ path: file("admin-settings-retention", device) });
      await admin.close();

      const user = await browser.newContext({ baseURL, colorScheme, ...options });
      const userPage = await user.newPage();
      await signUpNewUser({ page: userPage, prefix: `shot-${device}` });
      const accountPage = new AccountPage(userPage);
      await accountPage.goto();
      // The header's avatar takes its colour from the (random) email; accessibility.spec.ts scans the header.
      if (device === "desktop") await expectNoSeriousViolations(userPage, `account (${colorScheme})`, { skip: "header" });
      await userPage.screenshot({ path: file("account", device), fullPage: true });
      await user.close();
    }
  });
}
