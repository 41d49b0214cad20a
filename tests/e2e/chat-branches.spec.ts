import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { ECHO_PHRASE } from "../fakes/echo";
import { expect, test } from "./fixtures";
import { ChatPage } from "./pages/chat";
import { FAKE_REPLIES } from "./support/fake-backends";
import { DEMO_MODELS } from "./support/models-file";
import { seedLongConversation } from "./support/seed-conversation";

// Alternatives in a conversation: regenerate the last answer, edit a question and send it again, switch between the
// versions (remembered across a reload), and a long conversation that opens with its latest messages only.

const SCREENSHOTS = path.resolve(__dirname, "../../test-results/screenshots");

function answerSwitcher(page: Page): Locator {
  return page.getByRole("group", { name: "Answers" }).last();
}

function versionSwitcher(page: Page): Locator {
  return page.getByRole("group", { name: "Versions" }).last();
}

async function expectNoSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

/** Asks `text` with the vLLM demo model and waits for its whole answer. */
async function firstExchange(chat: ChatPage) {
  await chat.ask("What is deep learning?", { model: DEMO_MODELS.vllm.name });
  await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
  await expect(chat.send).toBeVisible();
}

test.describe("regenerate and edit", () => {
  test("regenerate shows a new answer as 2 / 2; the previous one stays reachable, and a reload keeps the choice", async ({ page, signUpNewUser }) => {
    test.setTimeout(120_000);
    await signUpNewUser({ prefix: "regenerate" });
    const chat = new ChatPage(page);
    await firstExchange(chat);
    const regenerate = page.getByRole("group", { name: "Message actions" }).last().getByRole("button", { name: "Regenerate" });
    await expect(regenerate).toBeVisible();

    // With another model picked below, the new answer comes from that model.
    await chat.selectModel(DEMO_MODELS.azure.name);
    await regenerate.click();
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.azure, { timeout: 20_000 });
    await expect(chat.answers).toHaveCount(1);
    await expect(chat.lastAnswer()).toHaveAccessibleName(`Answer from ${DEMO_MODELS.azure.name}`);
    await expect(answerSwitcher(page)).toContainText("2 / 2");

    await answerSwitcher(page).getByRole("button", { name: "Previous answer" }).click();
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
    await expect(answerSwitcher(page)).toContainText("1 / 2");
    // The focus stays on the arrow, so the keyboard can go on switching.
    await expect(answerSwitcher(page).getByRole("button", { name: "Previous answer" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(answerSwitcher(page).getByRole("button", { name: "Next answer" })).toBeFocused();

    await page.reload();
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
    await expect(answerSwitcher(page)).toContainText("1 / 2");
    await answerSwitcher(page).getByRole("button", { name: "Next answer" }).click();
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.azure);
    await page.reload();
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.azure);
  });

  test("edit and resend replaces the branch on show; the old version and its answer stay reachable, also after a reload", async ({ page, signUpNewUser }) => {
    test.setTimeout(120_000);
    await signUpNewUser({ prefix: "edit" });
    const chat = new ChatPage(page);
    await chat.ask(`${ECHO_PHRASE}First question`);
    await expect(chat.answerText()).toHaveText("First question", { timeout: 20_000 });
    await chat.ask(`${ECHO_PHRASE}Second question`);
    await expect(chat.answerText()).toHaveText("Second question", { timeout: 20_000 });
    await expect(chat.send).toBeVisible();

    // Escape closes the editor without sending and gives the focus back to Edit.
    const editButtons = page.getByRole("button", { name: "Edit", exact: true });
    await editButtons.last().click();
    const editor = page.getByRole("textbox", { name: "Edit message" });
    await expect(editor).toBeFocused();
    await expect(editor).toHaveValue(`${ECHO_PHRASE}Second question`);
    await page.keyboard.press("Escape");
    await expect(editor).toBeHidden();
    await expect(editButtons.last()).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(editor).toBeFocused();
    await editor.fill(`${ECHO_PHRASE}Second question, edited`);
    await page.getByRole("button", { name: "Save & send" }).click();
    await expect(chat.answerText()).toHaveText("Second question, edited", { timeout: 20_000 });
    await expect(chat.userMessages).toHaveCount(2);
    await expect(chat.userMessages.last()).toContainText("Second question, edited");
    await expect(versionSwitcher(page)).toContainText("2 / 2");

    await versionSwitcher(page).getByRole("button", { name: "Previous version" }).click();
    await expect(chat.userMessages.last()).toContainText(`${ECHO_PHRASE}Second question`);
    await expect(chat.userMessages.last()).not.toContainText("edited");
    await expect(chat.answerText()).toHaveText("Second question");
    await expect(versionSwitcher(page)).toContainText("1 / 2");

    await page.reload();
    await expect(chat.answerText()).toHaveText("Second question");
    await expect(versionSwitcher(page)).toContainText("1 / 2");
    await expect(chat.answers).toHaveCount(2);
  });
});

test.describe("long conversations", () => {
  test("open with their latest messages, at the bottom; earlier ones come on request, in reading order", async ({ page, signUpNewUser, db, backend }) => {
    test.setTimeout(120_000);
    const account = await signUpNewUser({ prefix: "long" });
    const user = await db.findUser(account.email);
    if (!user) throw new Error("the new user is not in the database");
    const seeded = await seedLongConversation(backend, user.id, 120);
    const chat = new ChatPage(page);
    await chat.goto(`/c/${seeded.id}`);

    const turns = page.getByRole("article");
    await expect(turns.last()).toContainText("Answer number 60");
    await expect(turns).toHaveCount(40);
    await expect(turns.last()).toBeInViewport();
    const showEarlier = page.getByRole("button", { name: /Show earlier messages/ });
    await expect(showEarlier).toContainText("80");

    await showEarlier.click();
    await expect(turns).toHaveCount(80);
    // The focus moves to the newest of the added messages: reading goes on backwards from there.
    await expect(page.locator(":focus")).toContainText("Answer number 40");
    await showEarlier.click();
    await expect(turns).toHaveCount(120);
    await expect(showEarlier).toBeHidden();
    await expect(turns.first()).toContainText("Question number 1");
    const texts = await page.getByTestId("message-text").allTextContents();
    expect(texts.map((text) => text.trim())).toEqual(seeded.texts);
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`alternatives pass an axe scan and are screenshotted (${colorScheme})`, { tag: "@visual" }, async ({ browser, baseURL, signUpNewUser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ baseURL, colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signUpNewUser({ page, prefix: `branches-${colorScheme}` });
    const chat = new ChatPage(page);
    await firstExchange(chat);
    await chat.selectModel(DEMO_MODELS.azure.name);
    await page.getByRole("group", { name: "Message actions" }).last().getByRole("button", { name: "Regenerate" }).click();
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.azure, { timeout: 20_000 });
    await expect(answerSwitcher(page)).toContainText("2 / 2");
    await chat.userMessages.last().hover();
    await expectNoSeriousViolations(page, `switcher (${colorScheme})`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/chat-branches-${colorScheme}-desktop.png` });

    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await expect(page.getByRole("textbox", { name: "Edit message" })).toBeFocused();
    // The pointer rests where Edit was, over "Save & send": scan the buttons at rest, not hovered.
    await page.mouse.move(0, 0);
    await expectNoSeriousViolations(page, `editor (${colorScheme})`);
    await page.screenshot({ path: `${SCREENSHOTS}/chat-edit-${colorScheme}-desktop.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENSHOTS}/chat-edit-${colorScheme}-phone.png` });
    await context.close();
  });
}
