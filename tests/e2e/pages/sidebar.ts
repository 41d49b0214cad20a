import { expect, type Locator, type Page } from "@playwright/test";

/** The conversations sidebar (the wide-screen column): grouped list, search, and each entry's actions menu. */
export class Sidebar {
  readonly nav: Locator;
  readonly list: Locator;
  readonly search: Locator;
  readonly searchResults: Locator;
  readonly titleField: Locator;
  readonly deleteDialog: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole("complementary").getByRole("navigation", { name: "Conversations" });
    this.list = this.nav.getByRole("list", { name: "Conversation list" });
    this.search = this.nav.getByRole("combobox", { name: "Search conversations" });
    this.searchResults = this.nav.getByRole("listbox", { name: "Search results" });
    this.titleField = this.nav.getByRole("textbox", { name: "Conversation title" });
    this.deleteDialog = page.getByRole("alertdialog", { name: "Delete conversation?" });
  }

  entry(id: string): Locator {
    return this.nav.locator(`a[href="/c/${id}"]`);
  }

  actionsButton(id: string): Locator {
    return this.entry(id).locator("xpath=..").getByRole("button", { name: "Conversation actions" });
  }

  menuItem(name: string): Locator {
    return this.page.getByRole("menuitem", { name, exact: true });
  }

  async openActions(id: string) {
    await this.entry(id).hover();
    await this.actionsButton(id).click();
    await expect(this.page.getByRole("menu")).toBeVisible();
  }

  /** The rendered rows in order, e.g. ["# Pinned", "Budget", "# Today", ...]: headers marked with "# ". */
  async rows(): Promise<string[]> {
    return this.list.locator(":scope > li").evaluateAll((items) =>
      items
        .map((item) => ({ top: parseFloat((item as HTMLElement).style.top), item }))
        .sort((a, b) => a.top - b.top)
        .map(({ item }) => {
          const header = item.querySelector("h3");
          return header ? `# ${header.textContent ?? ""}` : (item.textContent ?? "").trim();
        }),
    );
  }

  /** The group header a conversation title is listed under. */
  async groupOf(title: string): Promise<string | null> {
    let group: string | null = null;
    for (const row of await this.rows()) {
      if (row.startsWith("# ")) group = row.slice(2);
      else if (row === title) return group;
    }
    return null;
  }
}
