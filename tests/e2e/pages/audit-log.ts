import { expect, type Locator, type Page } from "@playwright/test";

/** /admin/audit: the filter form and the table of entries. */
export class AuditLogPage {
  readonly heading: Locator;
  readonly action: Locator;
  readonly actor: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly target: Locator;
  readonly apply: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Audit log", level: 1 });
    this.action = page.getByLabel("Action", { exact: true });
    this.actor = page.getByLabel("Actor email");
    this.from = page.getByLabel("From (UTC)");
    this.to = page.getByLabel("To (UTC)");
    this.target = page.getByLabel("Target contains");
    this.apply = page.getByRole("button", { name: "Apply filters" });
    this.rows = page.getByTestId("audit-entry");
  }

  async goto(query = "") {
    await this.page.goto(`/admin/audit${query}`);
    await expect(this.heading).toBeVisible();
  }
}
