import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, IDP_USERS, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { AuditLogPage } from "./pages/audit-log";
import { ChatPage } from "./pages/chat";
import { SignInPage } from "./pages/sign-in";
import { type NewAccount, SignUpPage } from "./pages/sign-up";
import { DEFAULT_FAKES_PORT, FAKE_REPLIES } from "./support/fake-backends";
import { closedPort, type FreshServer, startFreshServer } from "./support/fresh-server";
import { fakeBackendUrls } from "./support/models-file";

// A fresh install: its own app server on an empty database with no MODELS_FILE (support/fresh-server.ts), so these
// tests can see what the shared servers never show (no model at all, the first account) and change what would disturb
// the other specs there (the default model, the order of models, approval of new SSO users). The tests run in order on
// one server; a retry starts a new one.

const VLLM_ENDPOINT = `${fakeBackendUrls(Number(process.env.E2E_FAKES_PORT || DEFAULT_FAKES_PORT)).vllm}/v1`;
const WORKING = { id: "fresh-vllm", name: "Fresh Llama 2 (vLLM)" };
const DOWN = { id: "fresh-down", name: "Fresh Llama 2 (down)" };
const FIRST_ADMIN: NewAccount = { name: "Fresh Admin", email: "fresh-admin@example.com", password: "mango-kettle-orbit-5521" };
const SCREENSHOT_DIR = path.resolve(__dirname, "../../test-results/screenshots");
const PLAIN_USER: NewAccount = { name: "Fresh User", email: "fresh-user@example.com", password: "lantern-quartz-river-8842" };

test.describe.configure({ mode: "serial" });

let server: FreshServer;
let adminContext: BrowserContext;
let userContext: BrowserContext;
let admin: Page;
let user: Page;

test.beforeAll(async ({ backend, browser }) => {
  test.setTimeout(120_000);
  server = await startFreshServer(backend);
  adminContext = await browser.newContext({ baseURL: server.url });
  userContext = await browser.newContext({ baseURL: server.url });
  admin = await adminContext.newPage();
  user = await userContext.newPage();
});

test.afterAll(async () => {
  await adminContext?.close();
  await userContext?.close();
  await server?.stop();
});

async function signUp(page: Page, account: NewAccount) {
  const signUpPage = new SignUpPage(page);
  await signUpPage.goto();
  await signUpPage.createAccount(account);
  await new AppShell(page).expectSignedInHome();
}

function modelRow(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

async function addModel(page: Page, model: { id: string; name: string }, endpoint: string) {
  await page.goto("/admin/models/new");
  await page.getByLabel("Name", { exact: true }).fill(model.name);
  await page.getByLabel("ID", { exact: true }).fill(model.id);
  await page.getByLabel("Provider").selectOption({ label: "OpenAI-compatible (vLLM, llama.cpp)" });
  await page.getByLabel("Endpoint", { exact: true }).fill(endpoint);
  await page.getByLabel("Model (optional)").fill("meta-llama/Llama-2-7b-chat-hf");
  await page.getByRole("button", { name: "Add model" }).click();
  await expect(page).toHaveURL(/\/admin\/models$/);
  await expect(modelRow(page, model.name)).toBeVisible();
}

async function rowMenu(page: Page, model: { name: string }, item: string) {
  await page.goto("/admin/models");
  await modelRow(page, model.name)
    .getByRole("button", { name: `More actions for ${model.name}` })
    .click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}

/** The labels of the user's Model picker on a new chat, and the one chosen. */
async function pickerState(page: Page) {
  const chat = new ChatPage(page);
  await chat.goto("/");
  const options = await chat.model.locator("option").allTextContents();
  const selected = await chat.model.locator("option:checked").textContent();
  return { options, selected };
}

test("the first account is the admin; with no model the chat says how to add one, or whom to ask", async ({ backend }) => {
  await signUp(admin, FIRST_ADMIN);
  const empty = admin.getByTestId("no-models");
  await expect(empty).toContainText("No models are configured yet");
  await expect(new AppShell(admin).adminLink).toBeVisible();
  await expect(admin.getByRole("textbox", { name: "Message", exact: true })).toHaveCount(0);
  const results = await new AxeBuilder({ page: admin }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
  await admin.screenshot({ path: path.join(SCREENSHOT_DIR, `${backend.name}-no-models-admin-light-desktop.png`) });
  await empty.getByRole("link", { name: "Add a model" }).click();
  await expect(admin).toHaveURL(/\/admin\/models$/);
  await expect(admin.getByRole("heading", { name: "No models yet — add one or set MODELS_FILE" })).toBeVisible();

  await signUp(user, PLAIN_USER);
  await expect(user.getByTestId("no-models")).toContainText("Ask your administrator to configure one");
  await expect(user.getByRole("link", { name: "Add a model" })).toHaveCount(0);
  await user.screenshot({ path: path.join(SCREENSHOT_DIR, `${backend.name}-no-models-user-light-desktop.png`) });
  await expect(new AppShell(user).adminLink).toHaveCount(0);
});

test("models: add, test, make default, reorder, disable and enable; a backend that is down fails clearly", async ({ backend }) => {
  test.setTimeout(120_000);
  await addModel(admin, WORKING, VLLM_ENDPOINT);
  await addModel(admin, DOWN, `http://127.0.0.1:${await closedPort()}/v1`);

  await modelRow(admin, DOWN.name)
    .getByRole("button", { name: `Test ${DOWN.name}` })
    .click();
  await expect(admin.getByRole("status", { name: `Test of ${DOWN.name}` })).toContainText("Failed after", { timeout: 20_000 });
  await modelRow(admin, WORKING.name)
    .getByRole("button", { name: `Test ${WORKING.name}` })
    .click();
  await expect(admin.getByRole("status", { name: `Test of ${WORKING.name}` })).toContainText(FAKE_REPLIES.vllm, { timeout: 20_000 });

  expect((await pickerState(user)).options).toEqual([WORKING.name, DOWN.name]);

  // The default is chosen on a new chat even though it is not first.
  await rowMenu(admin, DOWN, "Make default");
  await expect(modelRow(admin, DOWN.name)).toContainText("Default");
  expect(await pickerState(user)).toEqual({ options: [WORKING.name, DOWN.name], selected: DOWN.name });

  await admin.goto("/admin/models");
  await modelRow(admin, DOWN.name)
    .getByRole("button", { name: `Move ${DOWN.name} up` })
    .click();
  await expect(admin.getByRole("list", { name: "Models" }).getByRole("heading").first()).toHaveText(DOWN.name);
  expect((await pickerState(user)).options).toEqual([DOWN.name, WORKING.name]);

  // A backend that is down: a clear message, and the question stays.
  const chat = new ChatPage(user);
  await chat.ask("Is anybody there?");
  await expect(chat.alert("The model service is temporarily unavailable")).toBeVisible({ timeout: 20_000 });
  await chat.conversationId();
  await user.reload();
  await expect(chat.userMessages).toHaveText(["Is anybody there?"]);
  await expect(chat.lastAnswer()).toContainText("The model service is temporarily unavailable");
  await user.screenshot({ path: path.join(SCREENSHOT_DIR, `${backend.name}-backend-down-light-desktop.png`) });

  await rowMenu(admin, DOWN, "Disable");
  await expect(modelRow(admin, DOWN.name)).toContainText("Disabled");
  expect(await pickerState(user)).toEqual({ options: [WORKING.name], selected: WORKING.name });
  const refused = await user.request.post("/api/chat", {
    data: { conversationId: crypto.randomUUID(), modelId: DOWN.id, message: { id: crypto.randomUUID(), text: "hi" } },
  });
  expect(refused.status()).toBe(404);
  expect((await refused.json()).error.code).toBe("model_unavailable");

  await rowMenu(admin, DOWN, "Enable");
  await expect(modelRow(admin, DOWN.name)).toContainText("Enabled");
  // Disabling took the default away; enabling does not give it back.
  await expect(modelRow(admin, DOWN.name)).not.toContainText("Default");
  expect((await pickerState(user)).options).toEqual([DOWN.name, WORKING.name]);

  await new ChatPage(user).ask("What is deep learning?", { model: WORKING.name });
  await expect(new ChatPage(user).answerText()).toHaveText(FAKE_REPLIES.vllm, { timeout: 20_000 });
});

test("new company sign-ins wait for approval; the IdP's groups appear with their members", async ({ browser }) => {
  test.setTimeout(90_000);
  await admin.goto("/admin/settings");
  const rules = admin.getByRole("region", { name: "Sign-up and approval" });
  await rules.getByLabel("New company sign-ins need approval").check();
  await rules.getByRole("button", { name: "Save sign-up rules" }).click();
  await expect(rules.getByRole("status")).toHaveText("Saved");

  const bobContext = await browser.newContext({ baseURL: server.url });
  try {
    const bob = new SignInPage(await bobContext.newPage());
    await bob.goto();
    await bob.signInWithSso(IDP_USERS.bob.login);
    await expect(bob.page.getByRole("heading", { name: "Waiting for approval" })).toBeVisible();
    await bob.page.goto("/");
    await expect(bob.page).toHaveURL(/\/sign-in/);

    await admin.goto("/admin/users?status=pending");
    const row = admin.getByTestId("user-row").filter({ hasText: IDP_USERS.bob.email });
    await expect(row).toContainText("Waiting for approval");
    await row.getByRole("button", { name: `Approve ${IDP_USERS.bob.email}` }).click();
    await expect(admin.getByTestId("user-row").filter({ hasText: IDP_USERS.bob.email })).toHaveCount(0);

    // Bob is still signed in at the IdP, which sends him straight back.
    await bob.goto();
    await bob.ssoButton.click();
    await new AppShell(bob.page).expectSignedInHome();
  } finally {
    await bobContext.close();
  }

  await admin.goto("/admin/groups");
  const staff = admin.getByTestId("group-card").filter({ has: admin.getByRole("heading", { name: "staff", exact: true }) });
  await expect(staff).toContainText("From the identity provider · 1 member");
  await staff.getByRole("button", { name: "Members" }).click();
  await expect(staff).toContainText(IDP_USERS.bob.email);

  const audit = new AuditLogPage(admin);
  await audit.goto("?action=user.approved");
  await expect(audit.rows).toHaveCount(1);
  await expect(audit.rows.first()).toContainText(FIRST_ADMIN.name);
});

test("a failed sign-in is in the audit log, with the email tried and where it came from", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const signIn = new SignInPage(await context.newPage());
    await signIn.goto();
    await signIn.signInWithPassword(FIRST_ADMIN.email, "not-the-password");
    await expect(signIn.alert(/incorrect|wrong|invalid/i)).toBeVisible();
  } finally {
    await context.close();
  }
  const audit = new AuditLogPage(admin);
  await audit.goto();
  await audit.action.selectOption({ label: "Sign-in failed" });
  await audit.apply.click();
  await expect(audit.rows).toHaveCount(1);
  await expect(audit.rows.first()).toContainText(FIRST_ADMIN.email);
  await expect(audit.rows.first()).toContainText("127.0.0.1");
});
