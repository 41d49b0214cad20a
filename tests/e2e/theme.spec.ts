import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";

// Light, dark or the system's theme, chosen in the account menu, remembered in a cookie the server renders from.

/** The page background's lightness, 0 (black) to 100 (white); browsers report it as lab() or oklch(). */
const lightness = (page: Page) =>
  page.evaluate(() => {
    const color = getComputedStyle(document.body).backgroundColor;
    const match = /^(lab|oklch)\(([\d.]+)/.exec(color);
    if (!match) throw new Error(`unexpected color ${color}`);
    return match[1] === "oklch" ? Number(match[2]) * 100 : Number(match[2]);
  });

const isLight = async (page: Page) => (await lightness(page)) > 80;

async function chooseTheme(page: Page, name: "Light" | "Dark" | "System") {
  const shell = new AppShell(page);
  await shell.openAccountMenu();
  const item = page.getByRole("menuitemradio", { name });
  await item.click();
  await expect(item).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");
}

test.describe("theme", () => {
  test("dark and light are applied at once, survive a reload, and the server renders them (no flash)", async ({ page, signUpNewUser }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await signUpNewUser({ prefix: "theme" });
    await expect.poll(() => isLight(page)).toBe(true);

    await chooseTheme(page, "Dark");
    await expect(page.locator("html")).toHaveClass("dark");
    await expect.poll(() => isLight(page)).toBe(false);
    expect((await page.context().cookies()).find((cookie) => cookie.name === "theme")?.value).toBe("dark");

    // The HTML as the server sends it, before any script: already dark.
    const html = await (await page.request.get("/")).text();
    expect(html).toMatch(/<html lang="en" class="dark"/);
    await page.reload();
    await expect(page.locator("html")).toHaveClass("dark");
    expect(await isLight(page)).toBe(false);
    await new AppShell(page).openAccountMenu();
    await expect(page.getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press("Escape");

    // An explicit light theme wins over a dark system.
    await page.emulateMedia({ colorScheme: "dark" });
    await chooseTheme(page, "Light");
    await expect.poll(() => isLight(page)).toBe(true);
    await page.reload();
    await expect(page.locator("html")).toHaveClass("light");
    expect(await isLight(page)).toBe(true);
  });

  test("system follows the operating system's scheme live", async ({ page, signUpNewUser }) => {
    await signUpNewUser({ prefix: "theme-system" });
    await chooseTheme(page, "Dark");
    await chooseTheme(page, "System");
    await expect(page.locator("html")).not.toHaveClass(/dark|light/);
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => isLight(page)).toBe(false);
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(() => isLight(page)).toBe(true);
    await page.reload();
    expect(await isLight(page)).toBe(true);
    expect((await page.context().cookies()).find((cookie) => cookie.name === "theme")?.value).toBe("system");
  });
});
