import { expect, type Locator, type Page } from "@playwright/test";

/** /compare: pick 2-3 models, one prompt, one column per model. */
export class ComparePage {
  readonly heading: Locator;
  readonly prompt: Locator;
  readonly compare: Locator;
  readonly stopAll: Locator;
  readonly models: Locator;
  readonly columns: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Compare models", level: 1 });
    this.prompt = page.getByRole("textbox", { name: "Prompt", exact: true });
    this.compare = page.getByRole("button", { name: "Compare", exact: true });
    this.stopAll = page.getByRole("button", { name: "Stop all", exact: true });
    this.models = page.getByRole("group", { name: /Models to compare/ });
    this.columns = page.getByTestId("compare-column");
  }

  async goto() {
    await this.page.goto("/compare");
    await expect(this.heading).toBeVisible();
  }

  modelCheckbox(name: string): Locator {
    return this.models.getByRole("checkbox", { name, exact: true });
  }

  /** Ticks exactly these models (by name); the page starts with two ticked. */
  async chooseModels(names: string[]) {
    const boxes = this.models.getByRole("checkbox");
    for (const box of await boxes.all()) if (await box.isChecked()) await box.uncheck();
    for (const name of names) await this.modelCheckbox(name).check();
  }

  /** Fills the prompt and presses Enter once Compare is enabled (the page is interactive). */
  async run(prompt: string) {
    await this.prompt.fill(prompt);
    await expect(this.compare).toBeEnabled();
    await this.prompt.press("Enter");
  }

  /** The column of one model: a region named after it. */
  column(modelName: string): Locator {
    return this.page.getByRole("region", { name: modelName, exact: true });
  }

  answerText(column: Locator): Locator {
    return column.getByTestId("message-text");
  }

  status(column: Locator): Locator {
    return column.getByTestId("column-status");
  }

  continueButton(column: Locator): Locator {
    return column.getByRole("button", { name: /^Continue with this answer/ });
  }
}
