import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ChatPage } from "./pages/chat";
import { FAKE_REPLIES } from "./support/fake-backends";
import { DEMO_MODELS } from "./support/models-file";

// Quotas and usage end to end: an admin limits a fresh user, the user is refused with a clear message, the usage
// dashboard and the CSV agree with the user's own usage page; axe scans and screenshots of the three pages.

const SCREENSHOT_DIR = path.resolve(__dirname, "../../test-results/screenshots");

async function expectNoSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

/** Sets a user's limits through the admin API, from the admin's page (same origin, the admin's session). */
async function setUserLimits(adminPage: Page, userId: string, limits: Record<string, number | null>) {
  if (!adminPage.url().startsWith("http")) await adminPage.goto("/admin/quotas");
  const status = await adminPage.evaluate(
    async ({ id, body }) =>
      (await fetch(`/api/admin/quotas/users/${id}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).status,
    { id: userId, body: { requestsPerMinute: null, tokensPerDay: null, tokensPerMonth: null, costPerMonthUsd: null, ...limits } },
  );
  expect(status).toBe(200);
}

/** Waits until at least `seconds` are left in the current clock minute, so two requests fall in one window. */
async function waitForFreshMinute(seconds = 25) {
  const left = 60 - new Date().getUTCSeconds();
  if (left < seconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 200));
}

test.describe("quotas and usage", () => {
  test("an admin limits a fresh user to 1 request a minute: the second message is refused with the reset time", async ({ page, adminPage, signUpNewUser }) => {
    test.setTimeout(90_000);
    const account = await signUpNewUser({ prefix: "quota" });

    await adminPage.goto("/admin/quotas");
    await expect(adminPage.getByRole("heading", { name: "Quotas", level: 1 })).toBeVisible();
    await adminPage.getByRole("searchbox", { name: "Find a user" }).fill(account.email);
    await adminPage.getByRole("button", { name: "Search", exact: true }).click();
    await adminPage.getByRole("button", { name: `Set limits for ${account.email}` }).click();
    const editor = adminPage.getByRole("region", { name: `Limits of ${account.email}` });
    await expect(editor.getByRole("heading")).toBeFocused();
    await editor.getByLabel("Requests per minute").fill("1");
    await editor.getByRole("button", { name: "Save limits" }).click();
    await expect(adminPage.getByRole("status")).toHaveText(`Saved the limits of ${account.email}.`);
    const row = adminPage.getByRole("table", { name: "Users with their own limits" }).getByRole("row").filter({ hasText: account.email });
    await expect(row.getByRole("cell").first()).toHaveText("1");

    const chat = new ChatPage(page);
    await waitForFreshMinute();
    await chat.goto("/");
    await chat.ask("What is deep learning?", { model: DEMO_MODELS.vllm.name });
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm, { timeout: 30_000 });
    await chat.message.fill("And machine learning?");
    await chat.message.press("Enter");
    const refusal = chat.alert(/You have reached your limit of 1 request per minute\. Try again at \d\d:\d\d UTC\./);
    await expect(refusal).toBeVisible();
    // Nothing was stored, so nothing is lost: the question leaves the conversation and is back in the message box.
    await expect(chat.message).toHaveValue("And machine learning?");
    await expect(chat.userMessages).toHaveText(["What is deep learning?"]);
    const shown = (await refusal.textContent()) ?? "";
    // The end of the minute the second message was sent in (this check may run just after that minute ended).
    const endOfThisMinute = Math.ceil(Date.now() / 60_000) * 60_000;
    const times = [endOfThisMinute, endOfThisMinute - 60_000].map((time) => new Date(time).toISOString().slice(11, 16));
    expect(
      times.some((time) => shown.includes(`Try again at ${time} UTC`)),
      shown,
    ).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${test.info().project.name}-quota-refusal-light-desktop.png`) });
    await page.reload();
    await expect(chat.userMessages).toHaveText(["What is deep learning?"]);
  });

  test("the usage dashboard, the CSV and the user's own page show the same figures", async ({ page, adminPage, signUpNewUser, db }) => {
    test.setTimeout(90_000);
    const account = await signUpNewUser({ prefix: "usage" });
    const user = await db.findUser(account.email);
    if (!user) throw new Error("the new user is not in the database");
    await adminPage.goto("/admin/quotas");
    await setUserLimits(adminPage, user.id, { tokensPerDay: 100_000, costPerMonthUsd: 25 });

    const chat = new ChatPage(page);
    await chat.goto("/");
    await chat.ask("What is deep learning?", { model: DEMO_MODELS.vllm.name });
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm, { timeout: 30_000 });

    // The user's own page, through the account menu.
    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("menuitem", { name: "Your usage" }).click();
    await expect(page).toHaveURL(/\/usage$/);
    await expect(page.getByRole("heading", { name: "Your usage", level: 1 })).toBeVisible();
    const figure = async (term: string) =>
      (await page
        .getByRole("term")
        .filter({ hasText: new RegExp(`^${term}$`) })
        .locator("xpath=following-sibling::dd[1]/span[1]")
        .textContent()) ?? "";
    // The answer and the conversation title are two backend calls; the title may still be on its way.
    await expect(async () => {
      await page.reload();
      expect(await figure("Requests")).toBe("2");
    }).toPass({ timeout: 15_000 });
    const own = { requests: await figure("Requests"), input: await figure("Input tokens"), output: await figure("Output tokens") };
    expect(own.requests).toBe("2");
    await expect(page.getByText("left of 100,000")).toBeVisible();
    await expect(page.getByText("from your account").first()).toBeVisible();

    // The CSV export by user has the same figures.
    await adminPage.goto("/admin/usage?days=7");
    await expect(adminPage.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
    await expect(adminPage.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
    await adminPage.getByLabel("One row per").selectOption("user");
    const [download] = await Promise.all([adminPage.waitForEvent("download"), adminPage.getByRole("button", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^usage-by-user-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/);
    const csv = await (await import("node:fs/promises")).readFile((await download.path()) ?? "", "utf8");
    expect(csv.split("\r\n")[0]).toBe("user_id,email,name,requests,input_tokens,output_tokens,total_tokens,cost_usd");
    const line = csv.split("\r\n").find((row) => row.startsWith(`${user.id},`));
    expect(line?.split(",").slice(1, 6)).toEqual([account.email, account.name, own.requests, own.input.replaceAll(",", ""), own.output.replaceAll(",", "")]);

    // The dashboard's charts have table alternatives.
    const chart = adminPage.getByRole("figure", { name: "Requests per day" });
    await chart.getByText("Show as table").click();
    await expect(chart.getByRole("table", { name: "Requests per day" })).toBeVisible();
    await expect(adminPage.getByRole("figure", { name: "Tokens by model" })).toContainText(DEMO_MODELS.vllm.name);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`axe and screenshots of the quota, usage and own-usage pages (${colorScheme})`, { tag: "@visual" }, async ({
      browser,
      baseURL,
      backend,
      signUpNewUser,
    }) => {
      test.setTimeout(120_000);
      const shot = (name: string, device: string) => path.join(SCREENSHOT_DIR, `${backend.name}-${name}-${colorScheme}-${device}.png`);
      const open = async (target: Browser, options: Parameters<Browser["newContext"]>[0]) =>
        (await target.newContext({ baseURL, colorScheme, ...options })).newPage();

      const admin = await open(browser, { storageState: backend.adminStorageState, viewport: { width: 1280, height: 800 } });
      await admin.goto("/admin/quotas");
      await admin.getByRole("searchbox", { name: "Find a user" }).fill("admin@");
      await admin.getByRole("button", { name: "Search", exact: true }).click();
      await expect(admin.getByRole("list", { name: "Matching users" })).toBeVisible();
      await admin.getByRole("button", { name: /limits for admin@example\.com$/ }).click();
      await expect(admin.getByRole("button", { name: "Save limits" })).toBeVisible();
      await expectNoSeriousViolations(admin, "admin quotas");
      await admin.screenshot({ path: shot("admin-quotas", "desktop"), fullPage: true });

      await admin.goto("/admin/usage?days=30");
      await admin.getByRole("figure", { name: "Tokens per day" }).getByText("Show as table").click();
      await expectNoSeriousViolations(admin, "admin usage");
      await admin.screenshot({ path: shot("admin-usage", "desktop"), fullPage: true });
      await admin.setViewportSize({ width: 390, height: 844 });
      await admin.reload();
      await admin.screenshot({ path: shot("admin-usage", "phone"), fullPage: true });
      await admin.context().close();

      const userPage = await open(browser, { viewport: { width: 1280, height: 800 } });
      await signUpNewUser({ page: userPage, prefix: "own-usage" });
      await userPage.goto("/usage");
      await expect(userPage.getByRole("heading", { name: "Your usage", level: 1 })).toBeVisible();
      await expect(userPage.getByText("No limits apply to you.")).toBeVisible();
      await expectNoSeriousViolations(userPage, "own usage");
      await userPage.screenshot({ path: shot("own-usage", "desktop"), fullPage: true });
      await userPage.setViewportSize({ width: 390, height: 844 });
      await userPage.reload();
      await userPage.screenshot({ path: shot("own-usage", "phone"), fullPage: true });
      await userPage.context().close();
    });
  }
});
