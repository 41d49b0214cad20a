import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { ChatPage } from "./pages/chat";
import { FAKE_REPLIES } from "./support/fake-backends";
import { DEMO_MODELS } from "./support/models-file";

// An axe scan of every page, in light and dark: no serious or critical violation.

async function expectNoSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

async function newPage(browser: Browser, options: Parameters<Browser["newContext"]>[0]) {
  const context = await browser.newContext(options);
  return context.newPage();
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`accessibility (${colorScheme})`, { tag: "@visual" }, () => {
    test("sign-in, sign-up and the 404 page", async ({ browser, baseURL }) => {
      const page = await newPage(browser, { baseURL, colorScheme });
      await page.goto("/sign-in");
      await expect(page.getByRole("button", { name: /Sign in/ }).first()).toBeVisible();
      await expectNoSeriousViolations(page, "sign-in");
      await page.goto("/sign-up");
      await expect(page.getByRole("heading").first()).toBeVisible();
      await expectNoSeriousViolations(page, "sign-up");
      await page.context().close();
    });

    test("signed-in pages: new chat, a conversation, the shortcuts dialog, admin, 404", async ({ browser, baseURL, backend }) => {
      // Seven scans and two answers: more than the default budget on a busy machine.
      test.setTimeout(120_000);
      const page = await newPage(browser, { baseURL, colorScheme, storageState: backend.adminStorageState });
      const shell = new AppShell(page);
      const chat = new ChatPage(page);
      await chat.goto("/");
      await shell.expectSignedInHome();
      await expectNoSeriousViolations(page, "new chat");

      await chat.ask("What is deep learning?", { model: DEMO_MODELS.vllm.name });
      await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
      await chat.ask("How do I look after a parrot?", { model: DEMO_MODELS.azure.name });
      await expect(chat.answerText()).toHaveText(FAKE_REPLIES.azure, { timeout: 20_000 });
      await page.reload();
      await expect(chat.answerText()).toHaveText(FAKE_REPLIES.azure);
      await expectNoSeriousViolations(page, "conversation");

      await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      await expectNoSeriousViolations(page, "shortcuts dialog");
      await page.keyboard.press("Escape");

      await shell.openAccountMenu();
      await expect(page.getByRole("menuitemradio", { name: "Dark" })).toBeVisible();
      await expectNoSeriousViolations(page, "account menu");
      await page.keyboard.press("Escape");

      await page.goto("/admin");
      await expect(shell.adminHeading).toBeVisible();
      await expectNoSeriousViolations(page, "admin");

      const response = await page.goto("/no-such-page");
      expect(response?.status()).toBe(404);
      await expectNoSeriousViolations(page, "404");
      await page.context().close();
    });
  });
}
