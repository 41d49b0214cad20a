import { expect, type Locator, type Page } from "@playwright/test";

/** /account: profile, "Sign out everywhere", "Download all my data", and the two deletions confirmed by typing. */
export class AccountPage {
  readonly heading: Locator;
  readonly counts: Locator;
  readonly download: Locator;
  readonly deleteConversationsConfirm: Locator;
  readonly deleteConversations: Locator;
  readonly deleteAccountConfirm: Locator;
  readonly deleteAccount: Locator;
  readonly signOutEverywhere: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Your account", level: 1 });
    this.counts = page.getByTestId("account-data-counts");
    this.download = page.getByRole("button", { name: "Download all my data" });
    this.deleteConversationsConfirm = page.getByLabel("Type DELETE to confirm");
    this.deleteConversations = page.getByRole("button", { name: "Delete all my conversations" });
    this.deleteAccountConfirm = page.getByLabel(/^Type your email address/);
    this.deleteAccount = page.getByRole("button", { name: "Delete my account" });
    this.signOutEverywhere = page.getByRole("button", { name: "Sign out everywhere" });
  }

  async goto() {
    await this.page.goto("/account");
    await expect(this.heading).toBeVisible();
  }
}
