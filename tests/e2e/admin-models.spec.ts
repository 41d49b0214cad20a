import { randomBytes } from "node:crypto";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ChatPage } from "./pages/chat";
import { DEFAULT_FAKES_PORT, FAKE_REPLIES } from "./support/fake-backends";
import { openGroupDb } from "./support/group-db";
import { DEMO_MODELS, fakeBackendUrls } from "./support/models-file";

// The admin console's Models page: add a model pointing at the e2e vLLM fake, test it, restrict it to a group, and
// check the Model picker of a member and of an outsider; models from MODELS_FILE are read-only; secrets stay write-only.

const VLLM_ENDPOINT = `${fakeBackendUrls(Number(process.env.E2E_FAKES_PORT || DEFAULT_FAKES_PORT)).vllm}/v1`;
const VLLM_MODEL = "meta-llama/Llama-2-7b-chat-hf";
const SCREENSHOT_DIR = path.resolve(__dirname, "../../test-results/screenshots");

function modelRow(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

async function expectNoSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

/** Fills the Add a model form for the vLLM fake and saves it. */
async function addVllmModel(page: Page, { name, id, apiKey, groupName }: { name: string; id: string; apiKey: string; groupName?: string }) {
  await page.goto("/admin/models/new");
  await expect(page.getByRole("heading", { name: "Add a model", level: 1 })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("ID", { exact: true }).fill(id);
  await page.getByLabel("Provider").selectOption({ label: "OpenAI-compatible (vLLM, llama.cpp)" });
  await page.getByLabel("Endpoint", { exact: true }).fill(VLLM_ENDPOINT);
  await page.getByLabel("Model (optional)").fill(VLLM_MODEL);
  await page.getByLabel("API key", { exact: true }).fill(apiKey);
  await page.getByLabel("Max output tokens").fill("256");
  await page.getByLabel("Context window (tokens)").fill("4096");
  await page.getByLabel("Input price (USD / 1M tokens)").fill("0.5");
  await page.getByLabel("Output price (USD / 1M tokens)").fill("1.5");
  if (groupName) {
    await page.getByRole("radio", { name: "Only members of these groups" }).check();
    await page.getByRole("checkbox", { name: groupName }).check();
  }
  await page.getByRole("button", { name: "Add model" }).click();
  await expect(page).toHaveURL(/\/admin\/models$/);
  await expect(modelRow(page, name)).toBeVisible();
}

test.describe("admin: models", () => {
  test("add a model, test it, restrict it to a group: only members see it and can chat with it", async ({
    adminPage,
    browser,
    baseURL,
    backend,
    signUpNewUser,
  }) => {
    test.setTimeout(120_000);
    const suffix = randomBytes(3).toString("hex");
    const name = `E2E vLLM ${suffix}`;
    const id = `e2e-vllm-${backend.name}-${suffix}`;
    const apiKey = `sk-e2e-${randomBytes(8).toString("hex")}`;
    const groupName = `E2E research ${suffix}`;

    const memberPage = await (await browser.newContext({ baseURL })).newPage();
    const outsiderPage = await (await browser.newContext({ baseURL })).newPage();
    const member = await signUpNewUser({ page: memberPage, prefix: "member" });
    await signUpNewUser({ page: outsiderPage, prefix: "outsider" });
    const groups = openGroupDb(backend);
    try {
      await groups.createGroup(groupName, [member.email]);
      await addVllmModel(adminPage, { name, id, apiKey, groupName });

      const row = modelRow(adminPage, name);
      await expect(row).toContainText("OpenAI-compatible");
      await expect(row).toContainText(new URL(VLLM_ENDPOINT).host);
      await expect(row).toContainText(groupName);
      await expect(row).toContainText("$0.50 in · $1.50 out per 1M tokens");
      await row.getByRole("button", { name: `Test ${name}` }).click();
      const outcome = adminPage.getByRole("status", { name: `Test of ${name}` });
      await expect(outcome).toContainText("Answered in", { timeout: 20_000 });
      await expect(outcome).toContainText(FAKE_REPLIES.vllm);

      const outsiderChat = new ChatPage(outsiderPage);
      await outsiderChat.goto("/");
      await expect(outsiderChat.model.locator("option", { hasText: DEMO_MODELS.vllm.name })).toHaveCount(1);
      await expect(outsiderChat.model.locator("option", { hasText: name })).toHaveCount(0);

      const memberChat = new ChatPage(memberPage);
      await memberChat.goto("/");
      await expect(memberChat.model.locator("option", { hasText: name })).toHaveCount(1);
      await memberChat.ask("What is deep learning?", { model: name });
      await expect(memberChat.answerText()).toHaveText(FAKE_REPLIES.vllm, { timeout: 20_000 });

      // Edit without typing the key: it stays set, and is never sent back.
      await adminPage.goto(`/admin/models/${id}`);
      const keyInput = adminPage.getByLabel("API key", { exact: true });
      await expect(keyInput).toHaveValue("");
      await expect(keyInput).toHaveAttribute("placeholder", "Set — leave empty to keep");
      await adminPage.getByLabel("Input price (USD / 1M tokens)").fill("0.75");
      await adminPage.getByRole("button", { name: "Save changes" }).click();
      await expect(adminPage).toHaveURL(/\/admin\/models$/);
      await expect(modelRow(adminPage, name)).toContainText("$0.75 in");
      const stored = await adminPage.request.get(`/api/admin/models/${id}`);
      const body = await stored.text();
      expect(body).not.toContain(apiKey);
      expect(JSON.parse(body)).toMatchObject({ model: { secrets: { apiKey: "set" }, inputPricePerMTok: 0.75 } });
      await modelRow(adminPage, name)
        .getByRole("button", { name: `Test ${name}` })
        .click();
      await expect(adminPage.getByRole("status", { name: `Test of ${name}` })).toContainText("Answered in", { timeout: 20_000 });
    } finally {
      // The member chatted with it, so it cannot be deleted: disable it, which hides it from every picker.
      await adminPage.request.patch(`/api/admin/models/${id}`, { data: { enabled: false } });
      await groups.close();
      await memberPage.context().close();
      await outsiderPage.context().close();
    }
  });

  test("a model from MODELS_FILE is read-only, in the list, its page and the API", async ({ adminPage }) => {
    await adminPage.goto("/admin/models");
    const row = modelRow(adminPage, DEMO_MODELS.vllm.name);
    await expect(row).toContainText("Managed by file");
    await expect(row.getByRole("button", { name: `Move ${DEMO_MODELS.vllm.name} up` })).toHaveCount(0);
    await expect(row.getByRole("button", { name: `More actions for ${DEMO_MODELS.vllm.name}` })).toHaveCount(0);
    await row.getByRole("link", { name: `View ${DEMO_MODELS.vllm.name}` }).click();

    await expect(adminPage.getByRole("note")).toContainText("Managed by file");
    await expect(adminPage.getByLabel("Name", { exact: true })).toBeDisabled();
    await expect(adminPage.getByLabel("Endpoint", { exact: true })).toBeDisabled();
    await expect(adminPage.getByRole("button", { name: "Save changes" })).toHaveCount(0);

    const refused = await adminPage.request.patch(`/api/admin/models/${DEMO_MODELS.vllm.id}`, { data: { name: "Renamed" } });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.message).toContain("MODELS_FILE");
  });

  test("shows a clear error and keeps what was typed when saving fails", async ({ adminPage }) => {
    await adminPage.goto("/admin/models/new");
    await adminPage.getByLabel("Name", { exact: true }).fill("Broken model");
    await adminPage.getByLabel("ID", { exact: true }).fill(DEMO_MODELS.vllm.id);
    await adminPage.getByLabel("Endpoint", { exact: true }).fill(VLLM_ENDPOINT);
    await adminPage.getByRole("button", { name: "Add model" }).click();
    await expect(adminPage.getByRole("alert").filter({ hasText: "MODELS_FILE" })).toBeVisible();
    await expect(adminPage.getByLabel("Name", { exact: true })).toHaveValue("Broken model");
    await adminPage.getByLabel("ID", { exact: true }).fill("");
    await adminPage.getByRole("button", { name: "Add model" }).click();
    await expect(adminPage.getByRole("alert").filter({ hasText: /id/ })).toBeVisible();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`screenshots and accessibility (${colorScheme})`, { tag: "@visual" }, async ({ browser, baseURL, backend }) => {
      test.setTimeout(90_000);
      for (const [device, viewport] of [
        ["desktop", { width: 1280, height: 900 }],
        ["phone", { width: 390, height: 844 }],
      ] as const) {
        const context = await browser.newContext({ baseURL, colorScheme, viewport, storageState: backend.adminStorageState });
        const page = await context.newPage();
        const file = (name: string) => path.join(SCREENSHOT_DIR, `${backend.name}-${name}-${colorScheme}-${device}.png`);
        await page.goto("/admin/models");
        await expect(modelRow(page, DEMO_MODELS.vllm.name)).toBeVisible();
        await modelRow(page, DEMO_MODELS.vllm.name)
          .getByRole("button", { name: `Test ${DEMO_MODELS.vllm.name}` })
          .click();
        await expect(page.getByRole("status", { name: `Test of ${DEMO_MODELS.vllm.name}` })).toContainText("Answered in", { timeout: 20_000 });
        await page.screenshot({ path: file("admin-models"), fullPage: true });
        if (device === "desktop") await expectNoSeriousViolations(page, "models list");

        await page.goto("/admin/models/new");
        await page.getByRole("radio", { name: "Only members of these groups" }).check();
        await page.screenshot({ path: file("admin-model-new"), fullPage: true });
        if (device === "desktop") await expectNoSeriousViolations(page, "add a model");

        await page.goto(`/admin/models/${DEMO_MODELS.azure.id}`);
        await expect(page.getByRole("note")).toContainText("Managed by file");
        if (device === "desktop") {
          await page.screenshot({ path: file("admin-model-file"), fullPage: true });
          await expectNoSeriousViolations(page, "a model from the file");
        }
        await context.close();
      }
    });
  }
});
