import { expect, type Locator, type Page } from "@playwright/test";

export type NewAccount = { name: string; email: string; password: string };

/** /sign-up: name, email and password (at least 12 characters). */
export class SignUpPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Name", { exact: true });
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Create account", exact: true });
  }

  async goto(params: { callbackUrl?: string } = {}) {
    await this.page.goto(`/sign-up${params.callbackUrl ? `?${new URLSearchParams({ callbackUrl: params.callbackUrl })}` : ""}`);
    await expect(this.submit).toBeVisible();
  }

  async createAccount(account: NewAccount) {
    await this.name.fill(account.name);
    await this.email.fill(account.email);
    await this.password.fill(account.password);
    await this.submit.click();
  }
}
