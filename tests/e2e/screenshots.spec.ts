import path from "node:path";
import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { SignInPage } from "./pages/sign-in";

// Screenshots of the main pages, light and dark, desktop and phone, into test-results/screenshots/ for review.
const SCREENSHOT_DIR = path.resolve(__dirname, "../../test-results/screenshots");
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

test.describe("screenshots", () => {
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
        await shell.page.goto("/admin");
        await expect(shell.adminHeading).toBeVisible();
        await shell.page.screenshot({ path: file("admin"), fullPage: true });
        await admin.close();
      });
    }
  }
});
