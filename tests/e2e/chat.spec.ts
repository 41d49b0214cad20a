import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ChatPage } from "./pages/chat";
import { FAKE_REPLIES } from "./support/fake-backends";
import { DEMO_MODELS } from "./support/models-file";

// Chatting with every kind of backend through the fakes of tests/fakes (playwright.config.ts starts them; they stream
// a token every 100 ms, Ollama's every 200 ms: see support/fake-backends.ts).

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);

/** Each observation extends the one before it: the text grew token by token instead of being replaced. */
function expectGrowing(seen: string[], minimumSteps: number) {
  expect(seen.length, `observed texts: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(minimumSteps);
  for (const [index, text] of seen.entries()) {
    if (index > 0) expect(text.startsWith(seen[index - 1] ?? ""), `${JSON.stringify(text)} continues the previous text`).toBe(true);
  }
}

async function waitForWords(chat: ChatPage, count: number) {
  await expect.poll(async () => words((await chat.answerText().textContent()) ?? "").length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
}

async function newChat(page: Page, signUpNewUser: (options?: { page?: Page; prefix?: string }) => Promise<unknown>, prefix = "chat") {
  await signUpNewUser({ page, prefix });
  const chat = new ChatPage(page);
  await expect(chat.message).toBeVisible();
  return chat;
}

test.describe("chat", () => {
  test("Azure OpenAI: the answer streams in token by token; the new chat gets its address and sidebar entry without a reload", async ({
    page,
    signUpNewUser,
  }) => {
    const chat = await newChat(page, signUpNewUser, "azure");
    await expect(chat.model).toHaveValue(DEMO_MODELS.azure.id);
    await expect(chat.model.locator("option")).toHaveCount(Object.keys(DEMO_MODELS).length);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    await chat.ask("How do I look after a parrot?");
    await expect(chat.stop).toBeVisible();
    const seen = await chat.watchAnswer(FAKE_REPLIES.azure);
    expectGrowing(seen, 4);

    await expect(chat.lastAnswer()).toHaveAccessibleName(`Answer from ${DEMO_MODELS.azure.name}`);
    await expect(chat.send).toBeVisible();
    const id = await chat.conversationId();
    expect(await page.evaluate(() => "sameDocument" in window), "the address changed without a page load").toBe(true);
    const entry = chat.conversations.locator(`a[href="/c/${id}"]`);
    await expect(entry).toBeVisible();
    await expect(entry).toHaveAttribute("aria-current", "page");
    await expect(entry).not.toHaveText("");
  });

  test("Llama 2 on TGI (native API): the answer streams in token by token", async ({ page, signUpNewUser }) => {
    const chat = await newChat(page, signUpNewUser, "tgi");
    await chat.ask("What is deep learning?", { model: DEMO_MODELS.tgi.name });
    const seen = await chat.watchAnswer(FAKE_REPLIES.tgi);
    expectGrowing(seen, 4);
    await expect(chat.lastAnswer()).toHaveAccessibleName(`Answer from ${DEMO_MODELS.tgi.name}`);
  });

  test("Llama 2 on vLLM (OpenAI-compatible): answers; Shift+Enter writes a new line; the conversation keeps its model", async ({ page, signUpNewUser }) => {
    const chat = await newChat(page, signUpNewUser, "vllm");
    await chat.message.pressSequentially("First line");
    await expect(chat.send).toBeEnabled();
    await chat.selectModel(DEMO_MODELS.vllm.name);
    await chat.message.press("Shift+Enter");
    await chat.message.pressSequentially("second line");
    await expect(chat.message).toHaveValue("First line\nsecond line");
    await expect(chat.userMessages).toHaveCount(0);
    await chat.message.press("Enter");

    await expect(chat.userMessages.last()).toHaveText("First line\nsecond line", { useInnerText: true });
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
    await expect(chat.lastAnswer()).toHaveAccessibleName(`Answer from ${DEMO_MODELS.vllm.name}`);
    const id = await chat.conversationId();

    await page.reload();
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
    await expect(chat.model).toHaveValue(DEMO_MODELS.vllm.id);
    await expect(chat.conversations.locator(`a[href="/c/${id}"]`)).toHaveAttribute("aria-current", "page");
  });

  test("New chat starts another conversation; Back shows the first one again", async ({ page, signUpNewUser }) => {
    const chat = await newChat(page, signUpNewUser, "newchat");
    await chat.ask("What is deep learning?", { model: DEMO_MODELS.vllm.name });
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
    const first = await chat.conversationId();

    // Until its title arrives (asked for after the answer) the conversation is listed as "New chat" too: the
    // button is the link to "/".
    await chat.conversations.locator('a[href="/"]').click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(chat.userMessages).toHaveCount(0);
    await chat.ask("A second question", { model: DEMO_MODELS.vllm.name });
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
    expect(await chat.conversationId()).not.toBe(first);
    await expect(chat.conversations.locator('a[href^="/c/"]')).toHaveCount(2);

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/c/${first}$`));
    await expect(chat.userMessages).toHaveText(["What is deep learning?"]);
  });

  test("Jurassic-2 (AI21, not streaming): thinks, then shows the whole answer at once", async ({ page, signUpNewUser }) => {
    const chat = await newChat(page, signUpNewUser, "j2");
    // The phrase makes the fake take 1.5 s, long enough to see the thinking state.
    await chat.ask("[[fake:slow-first-token]] Where can I find market data?", { model: DEMO_MODELS.j2Ultra.name });
    await expect(chat.lastAnswer().getByText("Thinking…")).toBeVisible();
    const seen = await chat.watchAnswer(FAKE_REPLIES.ai21);
    expect(seen).toEqual([FAKE_REPLIES.ai21]);
    await expect(chat.lastAnswer()).toHaveAccessibleName(`Answer from ${DEMO_MODELS.j2Ultra.name}`);
  });

  test("reloading in the middle of an answer resumes it and it completes", async ({ page, signUpNewUser }) => {
    const chat = await newChat(page, signUpNewUser, "resume");
    await chat.ask("Why is the sky blue?", { model: DEMO_MODELS.ollama.name });
    await waitForWords(chat, 3);
    const id = await chat.conversationId();

    await page.reload();
    await expect(page).toHaveURL(new RegExp(`/c/${id}$`));
    await expect(chat.stop, "the answer is still being written after the reload").toBeVisible();
    const seen = await chat.watchAnswer(FAKE_REPLIES.ollama);
    expectGrowing(seen, 3);
    await expect(chat.lastAnswer().getByText("Stopped")).toHaveCount(0);
    await expect(chat.alert()).toHaveCount(0);
    await expect(chat.send).toBeVisible();

    await page.reload();
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.ollama);
  });

  test("Stop keeps the partial answer, marked as stopped, also after a reload", async ({ page, signUpNewUser }) => {
    const chat = await newChat(page, signUpNewUser, "stop");
    await chat.ask("Why is the sky blue?", { model: DEMO_MODELS.ollama.name });
    await waitForWords(chat, 3);
    await chat.stop.click();

    await expect(chat.lastAnswer().getByText("Stopped", { exact: true })).toBeVisible();
    await expect(chat.send).toBeVisible();
    const partial = ((await chat.answerText().textContent()) ?? "").trim();
    expect(FAKE_REPLIES.ollama.startsWith(partial), `${JSON.stringify(partial)} starts the reply`).toBe(true);
    expect(words(partial).length).toBeLessThan(words(FAKE_REPLIES.ollama).length);
    // The server has stopped writing once there is nothing left to resume (204): no more text can come after that.
    const id = await chat.conversationId();
    await expect.poll(async () => (await page.request.get(`/api/chat/${id}/stream`)).status()).toBe(204);
    await expect(chat.answerText(), "no more text after Stop").toHaveText(partial);

    await page.reload();
    await expect(chat.lastAnswer().getByText("Stopped", { exact: true })).toBeVisible();
    const stored = ((await chat.answerText().textContent()) ?? "").trim();
    expect(FAKE_REPLIES.ollama.startsWith(stored)).toBe(true);
    expect(words(stored).length).toBeLessThan(words(FAKE_REPLIES.ollama).length);
  });

  test("a message sent right after Stop, to another model, gets its answer: also when the stop's reply comes after it", async ({ page, signUpNewUser }) => {
    test.setTimeout(120_000);
    const chat = await newChat(page, signUpNewUser, "stop-send");
    // The stopped answer's end reaches the browser about when the server's reply to the stop does, in either order,
    // and Send is back with the end. Every other round holds the reply until the next message is on its way (as a
    // slow network would); the others take it as it comes.
    let held: Promise<void> | null = null;
    await page.route(
      (url) => /^\/api\/chat\/[^/]+\/stop$/.test(url.pathname),
      async (route) => {
        const until = held;
        const response = await route.fetch();
        await until;
        // The page gives up on the reply after a few seconds: then there is nothing left to answer.
        await route.fulfill({ response }).catch(() => undefined);
      },
    );
    const next = [
      { model: DEMO_MODELS.azure, reply: FAKE_REPLIES.azure },
      { model: DEMO_MODELS.tgi, reply: FAKE_REPLIES.tgi },
      { model: DEMO_MODELS.azure, reply: FAKE_REPLIES.azure },
      { model: DEMO_MODELS.tgi, reply: FAKE_REPLIES.tgi },
    ];
    for (const [round, { model, reply }] of next.entries()) {
      let release = () => {};
      held = round % 2 === 0 ? new Promise<void>((resolve) => (release = resolve)) : null;
      // Ollama's fake is the slowest: the answer is still being written when Stop is pressed.
      await chat.ask(`Why is the sky blue? (${round + 1})`, { model: DEMO_MODELS.ollama.name });
      await expect(chat.answerText()).toContainText("Rayleigh");
      // The next message is written and its model picked while the answer streams; Enter as soon as Send is back.
      await chat.stop.click();
      const question = `And what is deep learning? (${round + 1})`;
      await chat.message.fill(question);
      await chat.selectModel(model.name);
      await expect(chat.send).toBeEnabled();
      await chat.message.press("Enter");
      await expect(chat.userMessages.last()).toContainText(question);
      release();
      await expect(chat.answers.nth(2 * round).getByText("Stopped", { exact: true })).toBeVisible();
      await expect(chat.answerText(), `the answer to the message sent after Stop ${round + 1}`).toHaveText(reply);
      await expect(chat.lastAnswer().getByText("Stopped", { exact: true })).toHaveCount(0);
    }
  });

  test("a backend rate limit on a new chat's first message: the chat takes its address, and New chat starts another", async ({ page, signUpNewUser }) => {
    const chat = await newChat(page, signUpNewUser, "ratelimit");
    await chat.ask("[[fake:rate-limit]] Hello?", { model: DEMO_MODELS.vllm.name });
    await expect(chat.alert()).toBeVisible();
    // The question was stored before the backend refused: the page is that conversation now.
    const first = await chat.conversationId();
    await expect(chat.conversations.locator(`a[href="/c/${first}"]`)).toHaveCount(1);

    // The untitled conversation is listed as "New chat" too: the button is the link to "/".
    await chat.conversations.locator('a[href="/"]').click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(chat.userMessages).toHaveCount(0);
    await chat.ask("A second question", { model: DEMO_MODELS.vllm.name });
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
    expect(await chat.conversationId()).not.toBe(first);

    await page.goto(`/c/${first}`);
    await expect(chat.userMessages).toHaveText(["[[fake:rate-limit]] Hello?"]);
  });

  test("a backend that refuses the request shows a clear error, not the backend's own words", async ({ page, signUpNewUser }) => {
    const chat = await newChat(page, signUpNewUser, "unauthorized");
    await chat.ask("[[fake:unauthorized]] Hello?");
    const alert = chat.alert();
    await expect(alert).toBeVisible();
    await expect(alert).not.toContainText("subscription key");
    await expect(chat.send).toBeVisible();
  });

  test("an error in the middle of an answer keeps the text written so far", async ({ page, signUpNewUser }) => {
    const chat = await newChat(page, signUpNewUser, "midstream");
    await chat.ask("[[fake:mid-stream-error]] What is deep learning?", { model: DEMO_MODELS.tgi.name });
    await expect(chat.alert()).toBeVisible();
    const partialWords = words(FAKE_REPLIES.tgi).slice(0, 4).join(" ");
    await expect(chat.answerText()).toHaveText(partialWords);

    await page.reload();
    await expect(chat.answerText()).toHaveText(partialWords);
    await expect(chat.alert()).toBeVisible();
  });

  test("a content filter shows a policy notice rather than an error", async ({ page, signUpNewUser }) => {
    const chat = await newChat(page, signUpNewUser, "filter");
    await chat.ask("[[fake:content-filter]] Sing me a famous song");
    await expect(chat.policyNotice()).toBeVisible();
    await expect(chat.alert()).toHaveCount(0);
    await expect(chat.answerText()).toHaveText(words(FAKE_REPLIES.azure).slice(0, 4).join(" "));
  });

  test("on a phone the conversations are in a drawer", async ({ browser, baseURL, signUpNewUser }) => {
    const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const chat = await newChat(page, signUpNewUser, "phone");
    await chat.ask("What is deep learning?", { model: DEMO_MODELS.vllm.name });
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
    const id = await chat.conversationId();

    await expect(chat.conversations).toBeHidden();
    const open = page.getByRole("button", { name: "Conversations" });
    await open.click();
    const drawer = page.getByRole("dialog", { name: "Conversations" });
    await expect(drawer).toBeVisible();
    await expect(drawer.locator(`a[href="/c/${id}"]`)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();

    await open.click();
    // The untitled conversation may be listed as "New chat" too: the button is the link to "/".
    await drawer.locator('a[href="/"]').click();
    await expect(drawer).toBeHidden();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(chat.userMessages).toHaveCount(0);
    await context.close();
  });

  test("another user cannot open the conversation: 404", async ({ page, browser, baseURL, signUpNewUser }) => {
    const chat = await newChat(page, signUpNewUser, "owner");
    await chat.ask("Something private", { model: DEMO_MODELS.vllm.name });
    await expect(chat.answerText()).toHaveText(FAKE_REPLIES.vllm);
    const id = await chat.conversationId();

    const other = await browser.newContext({ baseURL });
    const otherPage = await other.newPage();
    await signUpNewUser({ page: otherPage, prefix: "other" });
    const response = await otherPage.goto(`/c/${id}`);
    expect(response?.status()).toBe(404);
    await expect(otherPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(otherPage.getByText("Something private")).toHaveCount(0);
    await expect(new ChatPage(otherPage).conversations.locator(`a[href="/c/${id}"]`)).toHaveCount(0);
    await other.close();
  });
});
