import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { ChatPage } from "./pages/chat";
import { FAKE_REPLIES } from "./support/fake-backends";
import { DEMO_MODELS } from "./support/models-file";

// Keyboard shortcuts, the actions under each message (copy, thumbs up/down) and the export menu.

const QUESTION = "What is deep learning?";

async function chatWithAnswer(page: Page, signUpNewUser: (options?: { page?: Page; prefix?: string }) => Promise<unknown>, prefix: string) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUpNewUser({ page, prefix });
  const chat = new ChatPage(page);
  await chat.ask(QUESTION, { model: DEMO_MODELS.vllm.name });
  await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
  await expect(chat.send).toBeVisible();
  return chat;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

test.describe("keyboard shortcuts", () => {
  test("? and Ctrl+/ open the shortcuts dialog, a modal that keeps focus and closes on Escape", async ({ page, signUpNewUser }) => {
    await signUpNewUser({ prefix: "keys-help" });
    const chat = new ChatPage(page);
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await new AppShell(page).waitForShortcuts();

    // In the message box "?" is just a character.
    await chat.message.focus();
    await page.keyboard.type("?");
    await expect(chat.message).toHaveValue("?");
    await expect(dialog).toBeHidden();
    await chat.message.fill("");

    await blur(page);
    await page.keyboard.press("?");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("New chat");
    await expect(dialog).toContainText("Copy the last answer");
    for (let step = 0; step < 4; step++) {
      await page.keyboard.press("Tab");
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // Ctrl+/ also works from the message box, and focus goes back there.
    await chat.message.focus();
    await page.keyboard.press("Control+/");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(chat.message).toBeFocused();

    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
  });

  test("Shift+Esc focuses the message box, Ctrl+K the conversation search, Ctrl+Shift+O starts a new chat", async ({ page, signUpNewUser }) => {
    const chat = await chatWithAnswer(page, signUpNewUser, "keys-nav");
    await blur(page);
    await page.keyboard.press("Shift+Escape");
    await expect(chat.message).toBeFocused();

    // The sidebar's search, or a stand-in with its label where the sidebar has none yet.
    let search = page.getByLabel("Search conversations").first();
    if ((await search.count()) === 0) {
      await page.evaluate(() => {
        const input = document.createElement("input");
        input.setAttribute("aria-label", "Search conversations");
        document.body.append(input);
      });
      search = page.getByLabel("Search conversations").first();
    }
    await page.keyboard.press("Control+k");
    await expect(search).toBeFocused();

    await page.keyboard.press("Control+Shift+O");
    await expect(page).toHaveURL(/\/$/);
    await expect(chat.userMessages).toHaveCount(0);
    await expect(chat.message).toBeVisible();
  });

  test("Esc stops the answer being written (not while typing); Ctrl+Shift+C copies the last answer", async ({ page, signUpNewUser }) => {
    const chat = await chatWithAnswer(page, signUpNewUser, "keys-chat");
    await page.keyboard.press("Control+Shift+C");
    await expect.poll(() => clipboard(page)).toBe(FAKE_REPLIES.vllm);
    await expect(page.getByRole("status").filter({ hasText: "Copied the last answer" })).toBeAttached();

    // Ollama's fake is the slowest: the answer is still being written when Escape is pressed, even on a busy machine.
    await chat.ask("Why is the sky blue?", { model: DEMO_MODELS.ollama.name });
    await expect(chat.answerText()).toContainText("Rayleigh");
    // In the message box Escape stops nothing.
    await chat.message.press("Escape");
    await expect(chat.stop).toBeVisible();
    await blur(page);
    await page.keyboard.press("Escape");
    await expect(chat.lastAnswer().getByText("Stopped", { exact: true })).toBeVisible();
    await expect(chat.send).toBeVisible();
  });
});

test.describe("message actions", () => {
  test("Copy copies a question or an answer and announces it", async ({ page, signUpNewUser }) => {
    await chatWithAnswer(page, signUpNewUser, "copy");
    const copyButtons = page.getByRole("button", { name: "Copy", exact: true });
    await expect(copyButtons).toHaveCount(2);
    await copyButtons.first().click();
    await expect.poll(() => clipboard(page)).toBe(QUESTION);
    await expect(page.getByRole("status").filter({ hasText: /^Copied$/ })).toHaveCount(1);
    await copyButtons.last().click();
    await expect.poll(() => clipboard(page)).toBe(FAKE_REPLIES.vllm);
  });

  test("thumbs up and down are pressed, exclusive, and still shown after a reload", async ({ page, signUpNewUser }) => {
    const chat = await chatWithAnswer(page, signUpNewUser, "feedback");
    const good = page.getByRole("button", { name: "Good answer" });
    const bad = page.getByRole("button", { name: "Bad answer" });
    await expect(good).toHaveAttribute("aria-pressed", "false");

    const saved = page.waitForResponse((response) => response.url().includes("/feedback") && response.ok());
    await good.click();
    await saved;
    await expect(good).toHaveAttribute("aria-pressed", "true");
    await page.reload();
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
    await expect(good).toHaveAttribute("aria-pressed", "true");
    await expect(bad).toHaveAttribute("aria-pressed", "false");

    const savedAgain = page.waitForResponse((response) => response.url().includes("/feedback") && response.ok());
    await bad.click();
    await savedAgain;
    await page.reload();
    await expect(bad).toHaveAttribute("aria-pressed", "true");
    await expect(good).toHaveAttribute("aria-pressed", "false");
  });
});

test.describe("export", () => {
  test("the conversation downloads as Markdown and as JSON", async ({ page, signUpNewUser }) => {
    await chatWithAnswer(page, signUpNewUser, "export");
    const exportMenu = page.getByRole("button", { name: "Export", exact: true });

    await exportMenu.click();
    const [markdown] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Export as Markdown" }).click()]);
    expect(markdown.suggestedFilename()).toMatch(/^[a-z0-9-]+\.md$/);
    const markdownText = await readDownload(await markdown.path());
    expect(markdownText).toContain(`## You\n\n${QUESTION}`);
    expect(markdownText).toContain(FAKE_REPLIES.vllm);

    await exportMenu.click();
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Export as JSON" }).click()]);
    expect(json.suggestedFilename()).toMatch(/^[a-z0-9-]+\.json$/);
    const body = JSON.parse(await readDownload(await json.path())) as {
      title: string;
      model: string;
      messages: { role: string; text: string; model: string | null }[];
    };
    expect(body.model).toBe(DEMO_MODELS.vllm.id);
    expect(body.messages.map(({ role, text, model }) => ({ role, text, model }))).toEqual([
      { role: "user", text: QUESTION, model: null },
      { role: "assistant", text: FAKE_REPLIES.vllm, model: DEMO_MODELS.vllm.id },
    ]);
  });
});

async function readDownload(file: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  return readFile(file, "utf8");
}
