import { expect, type Locator, type Page } from "@playwright/test";

/** /admin/users: the search form, the table and each row's actions menu and dialogs. */
export class AdminUsersPage {
  readonly search: Locator;
  readonly searchButton: Locator;
  readonly rows: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByLabel("Search users");
    this.searchButton = page.getByRole("button", { name: "Search", exact: true });
    this.rows = page.getByTestId("user-row");
    this.notice = page.getByRole("status").filter({ hasText: /\S/ });
  }

  async goto(query?: string) {
    await this.page.goto(query ? `/admin/users?query=${encodeURIComponent(query)}` : "/admin/users");
    await expect(this.page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  }

  async searchFor(text: string) {
    await this.search.fill(text);
    await this.searchButton.click();
    await this.page.waitForURL((url) => url.searchParams.get("query") === text);
  }

  row(email: string): Locator {
    return this.rows.filter({ hasText: email });
  }

  async act(email: string, item: string | RegExp) {
    await this.row(email)
      .getByRole("button", { name: /^Actions for/ })
      .click();
    await this.page.getByRole("menuitem", { name: item }).click();
  }
}

/** What an admin's API needs to make a user quickly (the UI flow itself is tested once, in "Add user"). */
export async function createUserThroughApi(page: Page, email: string, name: string) {
  const response = await page.request.post("/api/admin/users", { data: { email, name, role: "user" } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { user: { id: string }; generatedPassword: string };
}
