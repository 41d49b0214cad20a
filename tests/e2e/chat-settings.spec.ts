import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { ECHO_PHRASE } from "../fakes/echo";
import { expect, test } from "./fixtures";
import { ChatPage } from "./pages/chat";
import { DEMO_MODELS } from "./support/models-file";

// Conversation settings (before the first message and from the header), presets (create, edit, start a chat from,
// delete), the offline banner and the admin's image-host allowlist. The vLLM fake answers with whatever follows
// ECHO_PHRASE in the prompt, system prompt included, so an answer proves which system prompt reached the backend.

const SCREENSHOT_DIR = path.resolve(__dirname, "../../test-results/screenshots");

async function expectNoSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

const settingsDialog = (page: Page) => page.getByRole("dialog", { name: "Conversation settings" });

test.describe("conversation settings", () => {
  test("a new chat starts with its settings, and the header's dialog changes them for the next answers", async ({ page, signUpNewUser }) => {
    test.setTimeout(180_000);
    await signUpNewUser({ prefix: "settings" });
    const chat = new ChatPage(page);
    // Send turns enabled only once React listens: from then on the settings button opens its dialog.
    await chat.message.fill("Not yet");
    await expect(chat.send).toBeEnabled();
    await chat.message.fill("");

    await page.getByRole("button", { name: "Conversation settings" }).click();
    const dialog = settingsDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("System prompt")).toBeFocused();
    await expectNoSeriousViolations(page, "settings dialog (new chat)");
    await dialog.getByLabel("System prompt").fill(`${ECHO_PHRASE} Ahoy from the first system prompt.`);
    await dialog.getByLabel("Temperature").fill("3");
    await dialog.getByRole("button", { name: "Save settings" }).click();
    await expect(dialog.getByText("Enter a number from 0 to 2")).toBeVisible();
    await expect(dialog.getByLabel("Temperature")).toHaveAttribute("aria-invalid", "true");
    await dialog.getByLabel("Temperature").fill("0.7");
    await dialog.getByRole("button", { name: "Save settings" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Conversation settings (changed)" })).toBeFocused();

    await chat.ask("Hello there", { model: DEMO_MODELS.vllm.name });
    await expect(chat.answerText()).toHaveText("Ahoy from the first system prompt.");
    await chat.conversationId();

    await page.getByRole("button", { name: "Conversation settings" }).click();
    await expect(dialog.getByLabel("System prompt")).toHaveValue(`${ECHO_PHRASE} Ahoy from the first system prompt.`);
    await expect(dialog.getByLabel("Temperature")).toHaveValue("0.7");
    await dialog.getByLabel(/Max answer length/).fill("99999999");
    await dialog.getByRole("button", { name: "Save settings" }).click();
    await expect(dialog.getByText(/Enter a whole number from 1 to [\d,]+/)).toBeVisible();
    await dialog.getByLabel(/Max answer length/).fill("256");
    await dialog.getByLabel("System prompt").fill(`${ECHO_PHRASE} Now the changed prompt answers.`);
    // Tab stays inside the dialog.
    for (let step = 0; step < 12; step++) await page.keyboard.press("Tab");
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await dialog.getByRole("button", { name: "Save settings" }).click();
    await expect(dialog).toBeHidden();

    await chat.ask("And again");
    await expect(chat.answerText()).toHaveText("Now the changed prompt answers.");

    // Kept on the server: a reload shows them, and Escape closes the dialog without saving.
    await page.reload();
    await page.getByRole("button", { name: "Conversation settings" }).click();
    await expect(dialog.getByLabel(/Max answer length/)).toHaveValue("256");
    await dialog.getByLabel("Temperature").fill("1.5");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.getByRole("button", { name: "Conversation settings" }).click();
    await expect(dialog.getByLabel("Temperature")).toHaveValue("0.7");

    await dialog.getByRole("button", { name: "Save as preset…" }).click();
    await dialog.getByLabel("Preset name").fill("Saved from a chat");
    await dialog.getByRole("button", { name: "Save preset" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "Saved as preset “Saved from a chat”." })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.goto("/presets");
    await expect(page.getByRole("heading", { name: "Saved from a chat" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Your presets" })).toContainText("temperature 0.7 · up to 256 tokens");
  });
});

test.describe("presets", () => {
  test("create, edit, start a chat from (model, system prompt and first message), quick-start chips, delete", async ({ page, signUpNewUser }) => {
    test.setTimeout(180_000);
    await signUpNewUser({ prefix: "presets" });
    await page.goto("/presets");
    await expect(page.getByRole("heading", { name: "No presets yet" })).toBeVisible();
    await expectNoSeriousViolations(page, "presets (empty)");

    await page.getByRole("button", { name: "New preset" }).click();
    const form = page.getByRole("dialog", { name: "New preset" });
    await expect(form).toBeVisible();
    await form.getByRole("button", { name: "Create preset" }).click();
    await expect(form.getByText("Give the preset a name.")).toBeVisible();
    await form.getByLabel("Name").fill("Pirate");
    await form.getByLabel("Model").selectOption({ label: DEMO_MODELS.vllm.name });
    await form.getByLabel("System prompt").fill(`${ECHO_PHRASE} Arr, the preset speaks.`);
    await form.getByLabel("First message").fill("Tell me about the sea");
    await form.getByLabel("Temperature").fill("0.4");
    await expectNoSeriousViolations(page, "preset form");
    await form.getByRole("button", { name: "Create preset" }).click();
    await expect(form).toBeHidden();
    const list = page.getByRole("list", { name: "Your presets" });
    await expect(list.getByRole("heading", { name: "Pirate" })).toBeVisible();
    await expect(list).toContainText(`${DEMO_MODELS.vllm.name} · temperature 0.4`);
    await expectNoSeriousViolations(page, "presets");

    await page.getByRole("button", { name: "Edit Pirate" }).click();
    const edit = page.getByRole("dialog", { name: "Edit preset" });
    await expect(edit.getByLabel("Name")).toHaveValue("Pirate");
    await edit.getByLabel("Name").fill("Sea pirate");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toBeHidden();
    await expect(list.getByRole("heading", { name: "Sea pirate" })).toBeVisible();
    await page.reload();
    await expect(list.getByRole("heading", { name: "Sea pirate" })).toBeVisible();

    await page.getByRole("link", { name: "Start chat from Sea pirate" }).click();
    await expect(page).toHaveURL(/\/\?preset=/);
    const chat = new ChatPage(page);
    await expect(chat.message).toHaveValue("Tell me about the sea");
    await expect(chat.model).toHaveValue(DEMO_MODELS.vllm.id);
    await expect(page.getByTestId("active-preset")).toHaveText("Preset: Sea pirate");
    await expect(chat.send).toBeEnabled();
    await chat.message.press("Enter");
    await expect(chat.answerText()).toHaveText("Arr, the preset speaks.");

    // The new-chat page offers the presets as quick starts.
    await page.goto("/");
    const chips = page.getByRole("navigation", { name: "Start from a preset" });
    await expect(chips.getByRole("link", { name: "Sea pirate" })).toBeVisible();
    await chips.getByRole("link", { name: "Sea pirate" }).click();
    await expect(chat.message).toHaveValue("Tell me about the sea");

    await page.goto("/presets");
    await page.getByRole("button", { name: "Delete Sea pirate" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Delete preset?" });
    await expect(confirm).toBeVisible();
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("heading", { name: "No presets yet" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "No presets yet" })).toBeVisible();
  });
});

test.describe("offline", () => {
  test("a banner says so, Send waits and the draft is kept; back online it sends", async ({ page, context, signUpNewUser }) => {
    test.setTimeout(90_000);
    await signUpNewUser({ prefix: "offline" });
    const chat = new ChatPage(page);
    await chat.message.fill("Written while the train is in a tunnel");
    await chat.selectModel(DEMO_MODELS.vllm.name);
    await expect(chat.send).toBeEnabled();

    await context.setOffline(true);
    const banner = page.getByTestId("offline-banner");
    await expect(banner).toHaveText("You are offline. Your message will not be sent until you reconnect.");
    await expect(chat.send).toBeDisabled();
    await chat.message.press("Enter");
    await expect(chat.message).toHaveValue("Written while the train is in a tunnel");
    await expect(chat.userMessages).toHaveCount(0);

    await context.setOffline(false);
    await expect(banner).toBeHidden();
    await expect(chat.send).toBeEnabled();
    await chat.message.press("Enter");
    await expect(chat.userMessages.last()).toContainText("Written while the train is in a tunnel");
    await expect(chat.answers).toHaveCount(1);
  });
});

/** A local server that records requests (image hosts no other spec uses: a fresh port each run). */
async function startCanary(): Promise<{ server: Server; host: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(200, { "content-type": "image/svg+xml" }).end('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

test.describe("image hosts", () => {
  test("an allowed host's image loads, any other host's does not", async ({ page, adminPage, signUpNewUser }) => {
    test.setTimeout(180_000);
    const allowed = await startCanary();
    const blocked = await startCanary();
    const before = (await (await adminPage.request.get("/api/admin/settings/images")).json()) as { hosts: string[] };
    try {
      await adminPage.goto("/admin/settings");
      const field = adminPage.getByLabel("Allow images from these hosts");
      await field.fill([...before.hosts, allowed.host].join("\n"));
      await adminPage.getByRole("button", { name: "Save image hosts" }).click();
      await expect(adminPage.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
      await expectNoSeriousViolations(adminPage, "admin settings");
      await field.fill("https://bad.example.com/x.png");
      await adminPage.getByRole("button", { name: "Save image hosts" }).click();
      await expect(adminPage.getByRole("alert").filter({ hasText: "enter the host name only" })).toBeVisible();

      await signUpNewUser({ prefix: "images" });
      const chat = new ChatPage(page);
      await chat.ask(
        `${ECHO_PHRASE}\n![allowed chart](http://${allowed.host}/allowed.svg)\n\n![blocked chart](http://${blocked.host}/blocked.svg)\n\nThe end.`,
        { model: DEMO_MODELS.vllm.name },
      );
      await expect(chat.answerText()).toContainText("The end.");
      await expect(chat.answerText().getByRole("img", { name: "allowed chart" })).toBeVisible();
      await expect(chat.answerText().getByText(`Image from ${blocked.host} blocked`)).toBeVisible();
      await expect.poll(() => allowed.hits).toContain("/allowed.svg");
      await page.reload();
      await expect(chat.answerText().getByRole("img", { name: "allowed chart" })).toBeVisible();
      expect(blocked.hits).toEqual([]);
    } finally {
      await adminPage.request.put("/api/admin/settings/images", { data: { hosts: before.hosts } });
      await new Promise((resolve) => allowed.server.close(resolve));
      await new Promise((resolve) => blocked.server.close(resolve));
    }
  });
});

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function themedPage(browser: Browser, baseURL: string | undefined, storageState: StorageState, colorScheme: "light" | "dark", phone: boolean) {
  const context = await browser.newContext({
    baseURL,
    colorScheme,
    storageState,
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 800 } }),
  });
  return context.newPage();
}

test.describe("settings screenshots", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`presets page and settings dialog (${colorScheme})`, { tag: "@visual" }, async ({ browser, baseURL, backend, page, signUpNewUser }) => {
      test.setTimeout(180_000);
      await signUpNewUser({ prefix: `shots-${colorScheme}` });
      for (const [name, systemPrompt] of [
        ["Translator", "Translate everything I write into French."],
        ["Code reviewer", "Review the code I paste for bugs and readability."],
      ] as const) {
        expect((await page.request.post("/api/presets", { data: { name, systemPrompt, temperature: 0.3 } })).status()).toBe(201);
      }
      const storageState = await page.context().storageState();
      const file = (name: string, device: string) => path.join(SCREENSHOT_DIR, `${backend.name}-${name}-${colorScheme}-${device}.png`);
      for (const phone of [false, true]) {
        const device = phone ? "phone" : "desktop";
        const shot = await themedPage(browser, baseURL, storageState, colorScheme, phone);
        await shot.goto("/presets");
        await expect(shot.getByRole("heading", { name: "Translator" })).toBeVisible();
        await shot.screenshot({ path: file("presets", device), fullPage: true });
        await shot.goto("/");
        await expect(shot.getByRole("navigation", { name: "Start from a preset" })).toBeVisible();
        await shot.screenshot({ path: file("new-chat-presets", device) });
        await shot.getByRole("button", { name: "Conversation settings" }).click();
        await expect(settingsDialog(shot)).toBeVisible();
        await shot.screenshot({ path: file("settings-dialog", device) });
        await expectNoSeriousViolations(shot, `settings dialog ${colorScheme} ${device}`);
        await shot.context().close();
      }
    });
  }
});
