import { expect, type Locator, type Page } from "@playwright/test";
import { expectHydrated } from "../support/hydration";

/** What every signed-in page shows: the header with "Admin" (admins only) and the account menu. */
export class AppShell {
  readonly welcome: Locator;
  readonly adminLink: Locator;
  readonly accountMenu: Locator;
  readonly adminHeading: Locator;

  constructor(readonly page: Page) {
    this.welcome = page.getByRole("heading", { name: /^Welcome/ });
    this.adminLink = page.getByRole("link", { name: "Admin", exact: true });
    this.accountMenu = page.getByRole("button", { name: "Account menu" });
    this.adminHeading = page.getByRole("heading", { name: "Administration" });
  }

  /** Signed in on the home page: the welcome heading and the account menu are there. */
  async expectSignedInHome() {
    await expect(this.welcome).toBeVisible();
    await expect(this.accountMenu).toBeVisible();
  }

  /**
   * Opens the account menu. Its trigger is server-rendered, and a click that lands before React has hydrated it does
   * nothing (as for any user who clicks while the page's script is still loading): wait for its handler first.
   */
  async openAccountMenu() {
    await expectHydrated(this.accountMenu);
    await this.accountMenu.click();
  }

  /**
   * Waits until the page-wide keyboard shortcuts listen. Their listener is added by an effect after hydration, so a
   * key pressed right after the page shows may find none (as for a user typing while the script still loads). The
   * shortcuts dialog, opened by its hydrated button and closed again, is a later render, which React starts only
   * after that effect ran.
   */
  async waitForShortcuts() {
    const button = this.page.getByRole("button", { name: "Keyboard shortcuts" });
    const dialog = this.page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expectHydrated(button);
    await button.click();
    await expect(dialog).toBeVisible();
    await this.page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  }

  /** Signs out through the account menu and waits for the app's own sign-in page. */
  async signOut() {
    const origin = new URL(this.page.url()).origin;
    await this.openAccountMenu();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    await this.page.waitForURL((url) => url.origin === origin && url.pathname === "/sign-in");
  }
}
