// Creates a local account through the sign-up page (the first one becomes admin) and returns the session cookie
// as a Cookie header for the load generator.
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../../tests/e2e/support/browser.mjs";

export async function signUp(appUrl: string): Promise<string> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ baseURL: appUrl });
    const page = await context.newPage();
    await page.goto("/sign-up");
    await page.getByLabel("Name", { exact: true }).fill("Bench User");
    await page.getByLabel("Email", { exact: true }).fill("bench@example.com");
    await page.getByLabel("Password", { exact: true }).fill("quiet-harbor-4719-lantern");
    await page.getByRole("button", { name: "Create account", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/", { timeout: 60_000 });
    const me = await page.request.get("/api/me");
    if (!me.ok()) throw new Error(`signed up, but /api/me answered ${me.status()}`);
    const cookies = await context.cookies();
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await browser.close();
  }
}
