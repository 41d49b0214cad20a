import path from "node:path";
import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { ChatPage } from "./pages/chat";
import { SignInPage } from "./pages/sign-in";
import { FAKE_REPLIES } from "./support/fake-backends";
import { DEMO_MODELS } from "./support/models-file";

// Screenshots of the main pages, light and dark, desktop and phone, into test-results/screenshots/ for review.
const SCREENSHOT_DIR = path.resolve(__dirname, "../../test-results/screenshots");
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

test.describe("screenshots", { tag: "@visual" }, () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const [device, options] of Object.entries(DEVICES)) {
      test(`${colorScheme} ${device}`, async ({ browser, baseURL, backend }) => {
        const file = (name: string) => path.join(SCREENSHOT_DIR, `${backend.name}-${name}-${colorScheme}-${device}.png`);

        const anonymous = await browser.newContext({ baseURL, colorScheme, ...options });
        const signIn = new SignInPage(await anonymous.newPage());
        await signIn.goto();
        await expect(signIn.ssoButton).toBeVisible();
        await expect(signIn.submit).toBeVisible();
        await signIn.page.screenshot({ path: file("sign-in"), fullPage: true });
        await anonymous.close();

        const admin = await browser.newContext({ baseURL, colorScheme, ...options, storageState: backend.adminStorageState });
        const shell = new AppShell(await admin.newPage());
        await shell.page.goto("/");
        await expect(shell.welcome).toBeVisible();
        await shell.page.screenshot({ path: file("home"), fullPage: true });

        // A conversation with an answer, a stopped one, a content-policy block and a failed answer with its partial
        // text. The fakes read magic phrases anywhere in the prompt, history included, so those come last.
        const chat = new ChatPage(shell.page);
        await chat.ask("What is deep learning? Explain it in one sentence.", { model: DEMO_MODELS.vllm.name });
        await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
        // Ollama streams the slowest (about 12 s), so Stop still finds the answer running on a busy machine.
        await chat.ask("Why is the sky blue?", { model: DEMO_MODELS.ollama.name });
        await expect(chat.answerText()).toContainText("Rayleigh");
        await shell.page.screenshot({ path: file("chat-streaming") });
        await chat.stop.click();
        await expect(chat.lastAnswer().getByText("Stopped", { exact: true })).toBeVisible();
        await chat.ask("[[fake:content-filter]] Sing me a famous song", { model: DEMO_MODELS.azure.name });
        await expect(chat.policyNotice()).toBeVisible();
        await chat.ask("[[fake:mid-stream-error]] And how is deep learning trained?", { model: DEMO_MODELS.tgi.name });
        await expect(chat.alert()).toBeVisible();
        // The viewport, as the user sees it: scrolled to the newest answer, header and composer in place.
        await shell.page.screenshot({ path: file("chat") });
        if (device === "phone") {
          await shell.page.getByRole("button", { name: "Conversations" }).click();
          await expect(shell.page.getByRole("dialog", { name: "Conversations" })).toBeVisible();
          await shell.page.screenshot({ path: file("chat-drawer") });
        }

        await shell.page.goto("/admin");
        await expect(shell.adminHeading).toBeVisible();
        await shell.page.screenshot({ path: file("admin"), fullPage: true });
        await admin.close();
      });
    }
  }
});
