import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { ECHO_PHRASE } from "../fakes/echo";
import { expect, test } from "./fixtures";
import { ChatPage } from "./pages/chat";
import { DEMO_MODELS } from "./support/models-file";

// Answers rendered as Markdown, and safely. The vLLM fake answers with whatever follows ECHO_PHRASE in the prompt
// (tests/fakes/echo.ts), so each test writes the exact Markdown a model could send.

const CODE = 'def greet(name):\n    return f"Hello, {name}!"\n\n\nprint(greet("world"))';

const SHOWCASE = [
  "## Shopping list",
  "",
  "- apples",
  "- ~~pears~~ plums",
  "",
  "- [x] milk",
  "- [ ] bread",
  "",
  "| Item | Price |",
  "| ---- | ----: |",
  "| Tea  | 3.50  |",
  "",
  "```python",
  CODE,
  "```",
  "",
  "Inline `code`, and Euler: $e^{i\\pi} + 1 = 0$.",
  "",
  "$$",
  "\\int_0^1 x\\,dx = \\frac{1}{2}",
  "$$",
  "",
  "The end.",
].join("\n");

async function askForAnswer(page: Page, signUpNewUser: (options?: { page?: Page; prefix?: string }) => Promise<unknown>, markdown: string) {
  await signUpNewUser({ page, prefix: "markdown" });
  const chat = new ChatPage(page);
  await chat.message.fill(`${ECHO_PHRASE}\n${markdown}`);
  await expect(chat.send).toBeEnabled();
  await chat.selectModel(DEMO_MODELS.vllm.name);
  await chat.message.press("Enter");
  await expect(chat.answerText()).toContainText("The end.");
  await expect(chat.send).toBeVisible();
  return chat;
}

/** A local server that records every request: images pointing at it must never be fetched. */
async function startCanary(): Promise<{ server: Server; host: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

test.describe("Markdown answers", () => {
  test("render headings, lists, task lists, tables, highlighted code and LaTeX", async ({ page, signUpNewUser }) => {
    const chat = await askForAnswer(page, signUpNewUser, SHOWCASE);
    const answer = chat.answerText();

    await expect(answer.getByRole("heading", { level: 2, name: "Shopping list" })).toBeVisible();
    await expect(answer.getByRole("listitem")).toHaveCount(4);
    await expect(answer.locator("del")).toHaveText("pears");
    await expect(answer.getByRole("checkbox")).toHaveCount(2);
    await expect(answer.getByRole("checkbox").first()).toBeChecked();
    const table = answer.getByRole("table");
    await expect(table.getByRole("columnheader")).toHaveText(["Item", "Price"]);
    await expect(table.getByRole("cell")).toHaveText(["Tea", "3.50"]);

    const code = answer.locator("pre code.language-python");
    await expect(code).toHaveText(CODE, { useInnerText: true });
    await expect(code.locator(".hljs-keyword").first()).toHaveText("def");
    await expect(answer.locator(":not(pre) > code")).toHaveText("code");

    await expect(answer.locator(".katex")).toHaveCount(2);
    await expect(answer.locator(".katex-display annotation")).toHaveText("\\int_0^1 x\\,dx = \\frac{1}{2}");
    await expect(answer.getByText("$e^")).toHaveCount(0);

    // For a human look in both colour schemes (not compared), in the test's output folder.
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await chat.lastAnswer().screenshot({ path: test.info().outputPath(`markdown-${colorScheme}.png`), animations: "disabled" });
    }
  });

  test("the Copy button copies a code block and says so", async ({ page, context, signUpNewUser }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const chat = await askForAnswer(page, signUpNewUser, `\`\`\`python\n${CODE}\n\`\`\`\n\nThe end.`);
    const copy = chat.answerText().getByRole("button", { name: "Copy code" });
    await expect(copy).toHaveText("Copy");
    await copy.click();
    await expect(copy).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CODE);
    await expect(copy).toHaveText("Copy", { timeout: 5_000 });
  });

  test("HTML in an answer is shown as text: no script runs, no element or handler is added", async ({ page, signUpNewUser }) => {
    await page.addInitScript(() => {
      const added: string[] = [];
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node instanceof Element && (node.matches("script, img, iframe") || node.querySelector("script, img, iframe"))) added.push(node.outerHTML);
          }
        }
      }).observe(document, { subtree: true, childList: true });
      Object.assign(window, { addedAfterLoad: added });
    });
    const markdown = [
      "<script>window.scriptRan = true</script>",
      "",
      'Hello <img src=x onerror="window.imageHandlerRan = true"> <b onmouseover="window.hovered = true">bold</b>',
      "",
      '<iframe src="https://example.com"></iframe>',
      "",
      "The end.",
    ].join("\n");
    const chat = await askForAnswer(page, signUpNewUser, markdown);
    const answer = chat.answerText();

    await expect(answer).toContainText("<script>window.scriptRan = true</script>");
    await expect(answer).toContainText('<img src=x onerror="window.imageHandlerRan = true">');
    await expect(answer.locator("script, img, iframe, b")).toHaveCount(0);
    await answer.getByText("bold").hover();
    // Mouse handlers run as the hover is dispatched; two animation frames later anything they scheduled has run too.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const flags = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { scriptRan: w.scriptRan, imageHandlerRan: w.imageHandlerRan, hovered: w.hovered };
    });
    expect(flags).toEqual({ scriptRan: undefined, imageHandlerRan: undefined, hovered: undefined });
    const added = await page.evaluate(() => (window as unknown as { addedAfterLoad: string[] }).addedAfterLoad);
    expect(added.filter((html) => /scriptRan|imageHandlerRan|iframe/.test(html))).toEqual([]);
  });

  test("links: only http, https and mailto are clickable, and they open a new tab without opener or referrer", async ({ page, signUpNewUser }) => {
    const markdown = [
      "[docs](https://example.com/docs) and [mail](mailto:help@example.com)",
      "",
      "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [v](vbscript:msgbox(1))",
      "",
      "<javascript:alert(2)> [ref][bad]",
      "",
      "[bad]: javascript:alert(3)",
      "",
      "The end.",
    ].join("\n");
    const chat = await askForAnswer(page, signUpNewUser, markdown);
    const answer = chat.answerText();

    const docs = answer.getByRole("link", { name: "docs" });
    await expect(docs).toHaveAttribute("href", "https://example.com/docs");
    await expect(answer.getByRole("link")).toHaveCount(2);
    for (const link of await answer.getByRole("link").all()) {
      await expect(link).toHaveAttribute("target", "_blank");
      await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    }
    for (const name of ["x", "y", "z", "v", "ref"]) await expect(answer.getByText(name, { exact: true })).toBeVisible();
    const hrefs = await page
      .locator("[href], [src], [action], [formaction]")
      .evaluateAll((elements) => elements.flatMap((element) => ["href", "src", "action", "formaction"].map((name) => element.getAttribute(name) ?? "")));
    expect(hrefs.filter((value) => /^\s*(javascript|data|vbscript):/i.test(value))).toEqual([]);
  });

  test("images from another host are never requested: a placeholder says they were blocked", async ({ page, signUpNewUser }) => {
    const canary = await startCanary();
    const requested: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).host === canary.host) requested.push(request.url());
    });
    try {
      const chat = await askForAnswer(page, signUpNewUser, `Look: ![canary chart](http://${canary.host}/canary.png)\n\nThe end.`);
      await expect(chat.answerText().getByText(`Image from ${canary.host} blocked`)).toBeVisible();
      await expect(chat.answerText().locator("img")).toHaveCount(0);

      await page.reload();
      await expect(chat.answerText().getByText(`Image from ${canary.host} blocked`)).toBeVisible();
      // No element on the page points at the host, so nothing can request it later: what was requested so far is all.
      await expect(page.locator(`img[src*="${canary.host}"], [srcset*="${canary.host}"]`)).toHaveCount(0);
      expect(requested).toEqual([]);

      // Second wall: the page's Content-Security-Policy refuses the host even for an <img> the renderer never made
      // (the browser still reports the attempt as a request, which fails before leaving it).
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      expect(policy).toMatch(/img-src 'self' data: blob:/);
      // Both the violation and the image's error event: once the load attempt has failed, a request that had left
      // the browser would already have reached the canary.
      const violation = page.evaluate(
        (src) =>
          new Promise<string>((resolve) => {
            let directive: string | null = null;
            let failed = false;
            const settle = () => directive !== null && failed && resolve(directive);
            document.addEventListener(
              "securitypolicyviolation",
              (event) => {
                directive = event.violatedDirective;
                settle();
              },
              { once: true },
            );
            const img = document.createElement("img");
            img.addEventListener(
              "error",
              () => {
                failed = true;
                settle();
              },
              { once: true },
            );
            img.src = src;
            document.body.append(img);
          }),
        `http://${canary.host}/injected.png`,
      );
      expect(await violation).toBe("img-src");
      expect(canary.hits).toEqual([]);
    } finally {
      await new Promise((resolve) => canary.server.close(resolve));
    }
  });
});
