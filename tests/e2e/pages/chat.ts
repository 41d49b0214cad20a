import { expect, type Locator, type Page } from "@playwright/test";

/** The chat: "/" (a new chat) and "/c/{id}" (a conversation), with the sidebar of conversations. */
export class ChatPage {
  readonly message: Locator;
  readonly send: Locator;
  readonly stop: Locator;
  readonly model: Locator;
  readonly conversations: Locator;
  readonly answers: Locator;
  readonly userMessages: Locator;

  constructor(readonly page: Page) {
    this.message = page.getByRole("textbox", { name: "Message", exact: true });
    this.send = page.getByRole("button", { name: "Send", exact: true });
    this.stop = page.getByRole("button", { name: "Stop", exact: true });
    this.model = page.getByRole("combobox", { name: "Model", exact: true });
    this.conversations = page.getByRole("navigation", { name: "Conversations" });
    this.answers = page.getByRole("article", { name: /^Answer from / });
    this.userMessages = page.getByRole("article", { name: "Your message" });
  }

  async goto(path = "/") {
    const response = await this.page.goto(path);
    await expect(this.message).toBeVisible();
    return response;
  }

  async selectModel(name: string) {
    await this.model.selectOption({ label: name });
  }

  /**
   * Types a message, picks the model (if given) and sends with Enter. Send turns enabled only once the page is
   * interactive, so nothing is chosen or sent before React listens.
   */
  async ask(text: string, { model }: { model?: string } = {}) {
    await this.message.fill(text);
    await expect(this.send).toBeEnabled();
    if (model) await this.selectModel(model);
    await this.message.press("Enter");
    await expect(this.userMessages.last()).toContainText(text);
  }

  lastAnswer(): Locator {
    return this.answers.last();
  }

  /** The text of an answer alone, without its model name and status line. */
  answerText(answer: Locator = this.lastAnswer()): Locator {
    return answer.getByTestId("message-text");
  }

  /** An alert with this text (Next.js keeps an empty role="alert" route announcer on every page). */
  alert(text: string | RegExp = /\S/): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  policyNotice(): Locator {
    return this.page.getByRole("note").filter({ hasText: "content policy" });
  }

  /** The id of the open conversation, from the address bar. */
  async conversationId(): Promise<string> {
    await expect(this.page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
    return new URL(this.page.url()).pathname.split("/").pop() ?? "";
  }

  /**
   * Waits until the last answer's text is `expected` and returns every distinct text it showed on the way: one entry
   * for an answer shown whole, many for one streamed token by token.
   */
  async watchAnswer(expected: string, { timeoutMs = 20_000 } = {}): Promise<string[]> {
    await this.recordLastAnswer('[data-testid="message-text"]');
    await expect(this.answerText()).toHaveText(expected, { timeout: timeoutMs });
    return this.recorded();
  }

  /**
   * Runs `action` (e.g. ask), waits until the last answer's status line is `expected` and returns every distinct
   * status it showed on the way, from before the action: a status that shows for a moment is not missed.
   */
  async watchStatus(action: () => Promise<void>, expected: string): Promise<string[]> {
    await this.recordLastAnswer('[role="status"]');
    await action();
    await expect(this.lastAnswer().getByRole("status")).toHaveText(expected);
    return this.recorded();
  }

  // A MutationObserver in the page records what the last answer's `part` shows, so a slow test process cannot miss steps.
  private async recordLastAnswer(part: string): Promise<void> {
    await this.page.evaluate((selector) => {
      const read = () => {
        const answers = document.querySelectorAll('article[aria-label^="Answer from "]');
        const text = answers[answers.length - 1]?.querySelector(selector)?.textContent ?? "";
        return text.replace(/\s+/g, " ").trim();
      };
      const seen: string[] = [];
      const record = () => {
        const text = read();
        if (text && text !== seen[seen.length - 1]) seen.push(text);
      };
      record();
      const observer = new MutationObserver(record);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      Object.assign(window, { lastAnswerRecord: { seen, stop: () => observer.disconnect() } });
    }, part);
  }

  private recorded(): Promise<string[]> {
    return this.page.evaluate(() => {
      const recorded = (window as unknown as { lastAnswerRecord: { seen: string[]; stop: () => void } }).lastAnswerRecord;
      recorded.stop();
      return recorded.seen;
    });
  }
}
