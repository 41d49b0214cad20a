import { expect, type Locator, type Page } from "@playwright/test";
import { TestIdpPage } from "./test-idp";

export const SSO_NAME = "Test SSO";

/** /sign-in: the SSO button, the local account form and the error alert. */
export class SignInPage {
  readonly ssoButton: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly createAccountLink: Locator;

  constructor(readonly page: Page) {
    this.ssoButton = page.getByRole("button", { name: `Sign in with ${SSO_NAME}`, exact: true });
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in", exact: true });
    this.createAccountLink = page.getByRole("link", { name: "Create an account", exact: true });
  }

  async goto(params: { callbackUrl?: string; error?: string } = {}) {
    const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const response = await this.page.goto(`/sign-in${query.size ? `?${query}` : ""}`);
    await expect(this.submit.or(this.ssoButton).first()).toBeVisible();
    return response;
  }

  /** An alert with this text (Next.js keeps an empty role="alert" route announcer on every page, so filter by text). */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  async signInWithPassword(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Clicks "Sign in with Test SSO" and logs in at the test IdP; the browser then returns to the app. */
  async signInWithSso(login: string, password = "any-password") {
    await this.ssoButton.click();
    await new TestIdpPage(this.page).logIn(login, password);
  }
}
