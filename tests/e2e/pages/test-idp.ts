import { expect, type Page } from "@playwright/test";

/** The login form of tests/e2e/oidc/provider.mjs. */
export class TestIdpPage {
  constructor(readonly page: Page) {}

  async logIn(login: string, password = "any-password") {
    const form = this.page.getByRole("heading", { name: "Test IdP sign-in" });
    const error = this.page.getByRole("heading", { name: "Identity provider error" });
    await expect(form.or(error)).toBeVisible();
    if (await error.isVisible()) {
      // e.g. invalid_redirect_uri when the app builds its callback from another origin than APP_URL
      throw new Error(`the test IdP refused the authorization request at ${this.page.url()}: ${await this.page.getByRole("alert").innerText()}`);
    }
    await this.page.getByLabel("Username", { exact: true }).fill(login);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Log in", exact: true }).click();
  }
}
