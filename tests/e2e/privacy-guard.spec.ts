import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { ChatPage } from "./pages/chat";
import { ComparePage } from "./pages/compare";
import { DEFAULT_FAKES_PORT, FAKE_REPLIES } from "./support/fake-backends";
import { openGroupDb } from "./support/group-db";
import { DEMO_MODELS, fakeBackendUrls } from "./support/models-file";

// The privacy guard in the composer. The demo Azure model is external, so its default policy asks before personal
// data is sent; a model that blocks personal data is added for one group only (other specs' pickers stay as they were).

const VLLM_ENDPOINT = `${fakeBackendUrls(Number(process.env.E2E_FAKES_PORT || DEFAULT_FAKES_PORT)).vllm}/v1`;
const IBAN = "DE89 3704 0044 0532 0130 00";
const EMAIL = "anna.schmidt@example.com";
const PERSONAL = `Please pay ${IBAN} and write to ${EMAIL}.`;

test.describe("privacy guard", () => {
  test("a blocked message stays in the box with the reason, and nothing is sent", async ({ adminPage, page, backend, signUpNewUser }) => {
    test.setTimeout(120_000);
    const suffix = randomBytes(3).toString("hex");
    const name = `E2E no personal data ${suffix}`;
    const id = `e2e-privacy-block-${backend.name}-${suffix}`;
    const user = await signUpNewUser({ prefix: "privacy-block" });
    const groups = openGroupDb(backend);
    try {
      const groupId = await groups.createGroup(`E2E privacy ${suffix}`, [user.email]);
      const created = await adminPage.request.post("/api/admin/models", {
        data: {
          id,
          name,
          config: {
            provider: "openai-compatible",
            endpoint: VLLM_ENDPOINT,
            model: "meta-llama/Llama-2-7b-chat-hf",
            boundary: "external",
            privacy: { byCategory: { personal: "block" } },
          },
          accessGroupIds: [groupId],
        },
      });
      expect(created.status()).toBe(201);

      const chat = new ChatPage(page);
      await chat.goto("/");
      await chat.selectModel(name);
      await expect(page.getByTestId("model-boundary")).toContainText("External");
      await chat.message.fill(PERSONAL);
      // Found while typing, before anything is sent.
      await expect(page.getByTestId("privacy-hints")).toContainText("1 e-mail address and 1 IBAN will not be sent to this model");
      await chat.message.press("Enter");

      await expect(chat.alert("1 e-mail address and 1 IBAN")).toBeVisible();
      await expect(chat.message).toHaveValue(PERSONAL);
      await expect(chat.userMessages).toHaveCount(0);
      await expect(page).toHaveURL(/\/$/);
    } finally {
      await adminPage.request.delete(`/api/admin/models/${id}`);
      await groups.close();
    }
  });

  test("a warning is confirmed with Send anyway, then the message is sent as written", async ({ page, signUpNewUser }) => {
    test.setTimeout(120_000);
    await signUpNewUser({ prefix: "privacy-warn" });
    const chat = new ChatPage(page);
    await chat.goto("/");
    await chat.selectModel(DEMO_MODELS.azure.name);
    await chat.message.fill(PERSONAL);
    await expect(chat.send).toBeEnabled();
    await chat.message.press("Enter");

    const confirm = page.getByTestId("privacy-confirm");
    await expect(confirm).toContainText("1 e-mail address and 1 IBAN");
    await expect(confirm).toHaveAttribute("role", "alert");
    await expect(chat.message).toHaveValue(PERSONAL);
    await expect(chat.userMessages).toHaveCount(0);

    // Keyboard only: the confirm button is reachable and announced by its name.
    await confirm.getByRole("button", { name: "Send anyway" }).focus();
    await page.keyboard.press("Enter");
    await expect(chat.userMessages.last()).toContainText(PERSONAL);
    await expect(chat.answerText()).not.toBeEmpty({ timeout: 20_000 });
    await expect(confirm).toBeHidden();
    await expect(chat.message).toHaveValue("");
  });

  test("Compare: a warning is confirmed with Send anyway, then both models answer", async ({ page, signUpNewUser }) => {
    test.setTimeout(120_000);
    await signUpNewUser({ page, prefix: "privacy-compare" });
    const compare = new ComparePage(page);
    await compare.goto();
    // Azure is external (personal data is asked about); vLLM is internal (allowed).
    await compare.chooseModels([DEMO_MODELS.azure.name, DEMO_MODELS.vllm.name]);
    await compare.run(PERSONAL);

    const confirm = page.getByTestId("privacy-confirm");
    await expect(confirm).toContainText("1 e-mail address and 1 IBAN");
    await expect(confirm).toHaveAttribute("role", "alert");
    await expect(compare.prompt).toHaveValue(PERSONAL);
    await expect(compare.columns).toHaveCount(0);

    // Keyboard only: the confirm button is reachable and announced by its name.
    await confirm.getByRole("button", { name: "Send anyway" }).focus();
    await page.keyboard.press("Enter");
    await expect(compare.columns).toHaveCount(2);
    await expect(confirm).toBeHidden();
    await expect(compare.prompt).toHaveValue("");
    await expect(compare.answerText(compare.column(DEMO_MODELS.azure.name))).toHaveText(FAKE_REPLIES.azure, { timeout: 20_000 });
    await expect(compare.answerText(compare.column(DEMO_MODELS.vllm.name))).toHaveText(FAKE_REPLIES.vllm, { timeout: 20_000 });
  });

  test("admin: a model's own policy is set in the model form, kept on edit and shown on the privacy page", async ({ adminPage }) => {
    const suffix = randomBytes(3).toString("hex");
    const name = `E2E own policy ${suffix}`;
    const id = `e2e-privacy-own-${suffix}`;
    // Disabled: no picker of another spec sees it.
    const created = await adminPage.request.post("/api/admin/models", {
      data: { id, name, enabled: false, config: { provider: "openai-compatible", endpoint: VLLM_ENDPOINT, boundary: "external" } },
    });
    expect(created.status()).toBe(201);
    try {
      await adminPage.goto(`/admin/models/${id}`);
      const personal = adminPage.getByLabel("Personal data", { exact: true });
      await expect(personal).toHaveValue("");
      await expect(personal.locator("option:checked")).toHaveText("As its boundary (external)");
      await personal.selectOption({ label: "Block" });
      await adminPage.getByRole("button", { name: "Save changes" }).click();
      await expect(adminPage).toHaveURL(/\/admin\/models$/);
      const stored = (await (await adminPage.request.get(`/api/admin/models/${id}`)).json()) as { model: { connection: Record<string, unknown> } };
      expect(stored.model.connection.privacy).toEqual({ byCategory: { personal: "block" } });

      await adminPage.goto(`/admin/models/${id}`);
      await expect(adminPage.getByLabel("Personal data", { exact: true })).toHaveValue("block");
      await adminPage.goto("/admin/privacy");
      const row = adminPage.getByTestId("privacy-models").locator("tr", { hasText: name });
      await expect(row).toContainText("own policy");
      await expect(row).toContainText("Block");
    } finally {
      await adminPage.request.delete(`/api/admin/models/${id}`);
    }
  });

  test("admin: the privacy page shows the policy per model and tries text against the detectors", async ({ adminPage }) => {
    await adminPage.goto("/admin/privacy");
    await expect(adminPage.getByRole("heading", { name: "Privacy", level: 1 })).toBeVisible();
    await expect(adminPage.getByTestId("privacy-models")).toContainText(DEMO_MODELS.azure.name);
    await expect(adminPage.getByTestId("privacy-weeks")).toBeVisible();

    await adminPage.getByLabel("Text", { exact: true }).fill(PERSONAL);
    await adminPage.getByRole("button", { name: "Find" }).click();
    const findings = adminPage.getByTestId("privacy-try-findings");
    await expect(findings.getByRole("listitem")).toHaveCount(2);
    await expect(findings).toContainText("IBAN");
    await expect(findings).toContainText("e-mail address");
    await expect(findings).toContainText("External: ask first");

    const results = await new AxeBuilder({ page: adminPage }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
  });
});
